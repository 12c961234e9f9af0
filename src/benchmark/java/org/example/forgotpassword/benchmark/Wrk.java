package org.example.forgotpassword.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The load generator of every HTTP figure: {@code wrk} (Debian package {@code wrk}, installed with apt-get when
 * missing), driven by the Lua scripts in {@code src/benchmark/resources/wrk}, which end their output with a
 * {@code BENCH-RESULT key=value ...} line that is parsed here. Every wrk run's full output is kept in a log file.
 */
final class Wrk {

    static final Path BINARY = Path.of("/usr/bin/wrk");
    private static final String DISTINCT = "distinct-addresses.lua";
    private static final String EACH_ONCE = "each-account-once.lua";

    /** What one wrk run reported; latencies in milliseconds (wrk's, as {@code --latency} prints them). */
    record Result(long requests, double seconds, double p50Ms, double p90Ms, double p99Ms, double maxMs,
                  long socketErrors, long statusErrors, long timeouts, Map<String, String> extra) {

        double perSecond() {
            return requests / seconds;
        }

        /** Replies that were not 2xx/3xx, broken connections and timeouts. */
        long failed() {
            return socketErrors + statusErrors + timeouts;
        }

        long extraLong(String key) {
            return Long.parseLong(extra.getOrDefault(key, "0"));
        }
    }

    private final Path scripts;
    private final Path logs;
    private int runNumber;

    private Wrk(Path scripts, Path logs) {
        this.scripts = scripts;
        this.logs = logs;
    }

    /** Installs wrk if needed and puts the Lua scripts into {@code directory}. */
    static Wrk prepare(Path directory) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            install();
        }
        Path scripts = directory.resolve("wrk-scripts");
        Files.createDirectories(scripts);
        for (String name : List.of("result.lua", DISTINCT, EACH_ONCE)) {
            try (InputStream script = Wrk.class.getResourceAsStream("/wrk/" + name)) {
                if (script == null) {
                    throw new IllegalStateException("wrk/" + name + " is not on the class path");
                }
                Files.copy(script, scripts.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path logs = directory.resolve("wrk-logs");
        Files.createDirectories(logs);
        return new Wrk(scripts, logs);
    }

    private static void install() throws IOException, InterruptedException {
        System.out.println("[benchmark] " + BINARY + " is missing: apt-get install wrk");
        for (List<String> command : List.of(List.of("apt-get", "update"),
                List.of("apt-get", "install", "-y", "--no-install-recommends", "wrk"))) {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + exit + "): install wrk "
                        + "(Debian package wrk) and run again");
            }
        }
    }

    static String version() {
        try {
            Process process = new ProcessBuilder(BINARY.toString(), "-v").redirectErrorStream(true).start();
            String first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .findFirst().orElse("?");
            process.waitFor(10, TimeUnit.SECONDS);
            return first.replaceAll("\\s*Copyright.*", "").trim();
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /**
     * A closed loop for {@code seconds}: {@code connections} keep-alive connections over {@code threads} threads,
     * each request a form with a distinct address of no account ({@code prefix} keeps runs apart).
     */
    Result distinctAddresses(String url, int threads, int connections, int seconds, String prefix)
            throws IOException, InterruptedException {
        List<String> command = List.of(BINARY.toString(), "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "--latency", "-s", scripts.resolve(DISTINCT).toString(), url, "--", prefix);
        Run run = start(command, prefix);
        if (!run.process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            run.process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + run.log);
        }
        return run.result();
    }

    /**
     * POST {@code form} (a printf pattern with one {@code %d}) once for each index 0 .. count-1, then stop (see
     * each-account-once.lua for how). {@code perSecond} 0: as fast as the replies come back; otherwise paced, and
     * {@code sentFile} (if not null) gets "index monotonic-ns" per request.
     */
    Result eachOnce(String url, int threads, int connections, int count, String form, double perSecond,
                    Path sentFile, Duration timeout) throws IOException, InterruptedException {
        int usedThreads = Math.max(1, Math.min(threads, count));
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-t" + usedThreads,
                "-c" + Math.max(connections, usedThreads), "-d" + (timeout.toSeconds() + 60) + "s",
                "--timeout", "10s", "--latency", "-s", scripts.resolve(EACH_ONCE).toString(), url, "--",
                Integer.toString(count), Integer.toString(usedThreads), form, Double.toString(perSecond)));
        if (sentFile != null) {
            command.add(sentFile.toString());
        }
        Run run = start(command, "each-once-" + count);
        boolean allDone = run.threadsDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        // wrk's main thread sleeps until -d is over; SIGINT wakes it, and it reports what its threads did
        run.interrupt();
        if (!run.process.waitFor(60, TimeUnit.SECONDS)) {
            run.process.destroyForcibly();
            throw new IllegalStateException("wrk did not stop after SIGINT: " + run.log);
        }
        Result result = run.result();
        if (!allDone) {
            System.out.println("[benchmark] wrk: not every thread got all its replies within " + timeout
                    + " (" + result.extra().get("ok") + " of " + count + " ok): " + run.log);
        }
        return result;
    }

    private Run start(List<String> command, String label) throws IOException {
        Path log = logs.resolve(String.format("%03d-%s.log", ++runNumber, label.replaceAll("[^A-Za-z0-9.-]", "_")));
        Files.writeString(log, String.join(" ", command) + "\n");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        int threads = Integer.parseInt(command.stream().filter(a -> a.startsWith("-t")).findFirst().orElse("-t1")
                .substring(2));
        Run run = new Run(process, log, new CountDownLatch(threads));
        Thread reader = new Thread(run::read, "wrk-output");
        reader.setDaemon(true);
        reader.start();
        run.reader = reader;
        return run;
    }

    private static final class Run {
        final Process process;
        final Path log;
        final CountDownLatch threadsDone;
        Thread reader;
        volatile String resultLine;

        Run(Process process, Path log, CountDownLatch threadsDone) {
            this.process = process;
            this.log = log;
            this.threadsDone = threadsDone;
        }

        void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Files.writeString(log, line + "\n", StandardOpenOption.APPEND);
                    if (line.startsWith("BENCH-THREAD-DONE")) {
                        threadsDone.countDown();
                    } else if (line.startsWith("BENCH-RESULT ")) {
                        resultLine = line;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void interrupt() throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        }

        Result result() throws InterruptedException {
            reader.join(10_000);
            if (resultLine == null) {
                throw new IllegalStateException("wrk printed no BENCH-RESULT line (exit " + process.exitValue()
                        + "): " + log);
            }
            Map<String, String> values = new HashMap<>();
            for (String pair : resultLine.substring("BENCH-RESULT ".length()).trim().split(" ")) {
                int equals = pair.indexOf('=');
                values.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
            long socketErrors = Long.parseLong(values.remove("connectErrors"))
                    + Long.parseLong(values.remove("readErrors")) + Long.parseLong(values.remove("writeErrors"));
            return new Result(Long.parseLong(values.remove("requests")),
                    Long.parseLong(values.remove("durationUs")) / 1e6,
                    micros(values.remove("p50Us")), micros(values.remove("p90Us")), micros(values.remove("p99Us")),
                    micros(values.remove("maxUs")), socketErrors, Long.parseLong(values.remove("statusErrors")),
                    Long.parseLong(values.remove("timeouts")), Map.copyOf(values));
        }

        private static double micros(String value) {
            return Double.parseDouble(value) / 1000.0;
        }
    }
}
