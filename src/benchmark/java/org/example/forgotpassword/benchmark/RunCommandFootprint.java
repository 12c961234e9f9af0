package org.example.forgotpassword.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.example.forgotpassword.devstack.ArtemisBroker;
import org.example.forgotpassword.devstack.Ports;
import org.example.forgotpassword.devstack.Wait;
import org.example.forgotpassword.it.BrokerProbe;

/**
 * What the run command ({@code ./mvnw -Prun}) leaves running, measured by launching it: every process of its tree
 * (the Maven JVM that runs the dev stack, Payara Micro, the broker, GreenMail) with its resident memory after some
 * work, and the time from the launch to the first accepted {@code POST /password/forgot/}.
 *
 * <p>It is launched without its build step ({@code ./mvnw -o -B -Prun exec:java@run}: the benchmark has just
 * built), on free ports (HTTP_PORT and the DEV_* ports), with its state under {@code target/benchmark/run-command}
 * rather than {@code target/run} (through a {@code stack.dir} that links to {@code target/stack}: the dev stack
 * keeps its state next to it), so that a developer's own {@code target/run} is left alone. The work before the
 * memory is read: one account and its reset mail, then {@code seconds} of wrk at 32 connections with distinct
 * addresses, then the queue drained. Then SIGTERM to the Maven JVM (its shutdown hook stops the stack) and a
 * check that nothing of the tree is left.
 */
final class RunCommandFootprint {

    private static final String FORGOT = "/password/forgot/";

    private RunCommandFootprint() {
    }

    static Map<String, Object> measure(Path projectDir, Path stackDir, Path work, Wrk wrk, int seconds)
            throws Exception {
        if (!Files.isExecutable(projectDir.resolve("mvnw"))) {
            throw new IllegalStateException("no mvnw in " + projectDir + " (benchmark.project-dir)");
        }
        Files.createDirectories(work);
        Path linkedStack = work.resolve("stack");
        Files.deleteIfExists(linkedStack);
        Files.createSymbolicLink(linkedStack, stackDir);
        Map<String, String> ports = new LinkedHashMap<>();
        for (String name : List.of("HTTP_PORT", "DEV_ARTEMIS_PORT", "DEV_ARTEMIS_CONSOLE_PORT", "DEV_MAIL_SMTP_PORT",
                "DEV_MAIL_IMAP_PORT", "DEV_MAIL_WEB_PORT")) {
            ports.put(name, Integer.toString(Ports.free()));
        }
        List<String> command = List.of(projectDir.resolve("mvnw").toString(), "-o", "-B", "-Prun", "exec:java@run",
                "-Dstack.dir=" + linkedStack);
        ProcessBuilder builder = new ProcessBuilder(command).directory(projectDir.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("run-command.log").toFile());
        for (String configured : List.of("ARTEMIS_URL", "MAIL_SMTP_HOST", "MAIL_SMTP_PORT", "DB_URL", "DB_USER",
                "DB_PASSWORD", "DATA_DIR")) {
            builder.environment().remove(configured);
        }
        builder.environment().putAll(ports);
        // a few requests only, but the probe below uses a new address per attempt from one client
        builder.environment().putAll(Benchmark.RAISED_RATE_LIMITS);

        String baseUrl = "http://" + Ports.LOOPBACK + ":" + ports.get("HTTP_PORT");
        long launched = System.nanoTime();
        Process maven = builder.start();
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            FormPost client = new FormPost(baseUrl);
            long accepted = client.awaitAccepted(FORGOT, "run-command-first-", Duration.ofMinutes(6));
            result.put("command", "./mvnw -o -B -Prun exec:java@run -Dstack.dir=<a link to target/stack under "
                    + work.getFileName() + "/>, with " + ports);
            result.put("launchToFirstAcceptedSeconds", Benchmark.round((accepted - launched) / 1e9));

            int created = client.post("/accounts/", "email=footprint%40bench.example&password=bench+pass+phrase+42",
                    Duration.ofSeconds(30)).status();
            int forgot = client.post(FORGOT, "email=footprint%40bench.example", Duration.ofSeconds(30)).status();
            if ((created != 201 && created != 409) || forgot != 200) {
                throw new IllegalStateException("run command: POST /accounts/ " + created + ", forgot " + forgot);
            }
            Wrk.Result load = wrk.distinctAddresses(baseUrl + FORGOT, 2, 32, seconds, "run-command");
            result.put("loadRequests", load.requests());
            result.put("loadFailed", load.failed());
            BrokerProbe depth = new BrokerProbe(ArtemisBroker.ofInstance(work.resolve("run/broker"),
                    Integer.parseInt(ports.get("DEV_ARTEMIS_PORT")),
                    Integer.parseInt(ports.get("DEV_ARTEMIS_CONSOLE_PORT")), "artemis", "artemis"));
            Wait.until(() -> depth.messageCount(Benchmark.REQUEST_QUEUE) == 0, Duration.ofMinutes(5),
                    Duration.ofMillis(200));
            List<Map<String, Object>> processes = Processes.tree(maven.toHandle());
            result.put("processes", processes);
            result.put("totalRssMb", Processes.sum(processes, "rssMb"));
            result.put("totalPssMb", Processes.sum(processes, "pssMb"));
        } finally {
            result.putAll(stop(maven, ports));
        }
        return result;
    }

    /** SIGTERM to the Maven JVM, whose shutdown hook stops the stack; anything left after that is killed and named. */
    private static Map<String, Object> stop(Process maven, Map<String, String> ports) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(maven.descendants().toList());
        long stopping = System.nanoTime();
        maven.destroy();
        boolean exited = maven.waitFor(90, TimeUnit.SECONDS);
        List<String> left = new ArrayList<>();
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                left.add(process.pid() + " " + process.info().command().orElse("?"));
                process.destroyForcibly();
            }
        }
        if (!exited) {
            maven.destroyForcibly();
        }
        List<String> open = new ArrayList<>();
        ports.forEach((name, port) -> {
            if (Ports.listening(Integer.parseInt(port))) {
                open.add(name + "=" + port);
            }
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("stopSeconds", Benchmark.round((System.nanoTime() - stopping) / 1e9));
        result.put("mavenExitedBySigterm", exited);
        result.put("leftRunningAfterStop", left);
        result.put("portsOpenAfterStop", open);
        return result;
    }
}
