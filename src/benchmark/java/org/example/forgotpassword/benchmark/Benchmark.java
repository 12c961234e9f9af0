package org.example.forgotpassword.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.example.forgotpassword.devstack.ApplicationServer;
import org.example.forgotpassword.devstack.ArtemisBroker;
import org.example.forgotpassword.devstack.Ports;
import org.example.forgotpassword.devstack.Stack;
import org.example.forgotpassword.devstack.StackLayout;
import org.example.forgotpassword.devstack.Wait;
import org.example.forgotpassword.it.BrokerProbe;

/**
 * The benchmark ({@code ./mvnw -Pbenchmark}; docs/benchmark.md says what each figure means). Per database it
 * starts the real stack on free loopback ports (Artemis, Payara Micro with the WAR and a trivial ceiling WAR, a
 * counting SMTP sink in this JVM, the database) and measures, with wrk for every HTTP figure: the accept rate of
 * {@code POST /password/forgot/} against the ceiling endpoint and against the broker's own durable-send ceiling,
 * one sequential client, the end-to-end mail rate against the sink's ceiling, the request-to-mail latency at a
 * moderate rate, the footprint, and a broker outage. Then it launches the run command and measures what it leaves
 * running. Prints the tables with the targets, writes {@code target/benchmark/results.json} and, with
 * {@code -Dbenchmark.update-docs=true}, the "Latest figures" of docs/benchmark.md.
 */
public final class Benchmark {

    static final String FORGOT = "/password/forgot/";
    static final String REQUEST_QUEUE = "password-reset-requests";
    static final Map<String, String> RAISED_RATE_LIMITS = Map.of(
            "RATE_LIMIT_FORGOT_PER_ADDRESS", "1000000000/PT15M",
            "RATE_LIMIT_FORGOT_PER_CLIENT", "1000000000/PT15M",
            "RATE_LIMIT_ACCOUNTS_PER_CLIENT", "1000000000/PT15M");
    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password";

    private final StackLayout layout;
    private final Path outputDir;
    private final Path ceilingWar;
    private final Wrk wrk;
    private final int mails = Integer.getInteger("benchmark.mails", 5_000);
    private final int runs = Integer.getInteger("benchmark.runs", 3);
    private final int connections = Integer.getInteger("benchmark.connections", 32);
    private final int threads = Integer.getInteger("benchmark.threads", 2);
    private final int acceptSeconds = Integer.getInteger("benchmark.accept-seconds", 5);
    private final int sequentialSeconds = Integer.getInteger("benchmark.sequential-seconds", 5);
    private final int brokerSeconds = Integer.getInteger("benchmark.broker-seconds", 5);
    private final int latencySeconds = Integer.getInteger("benchmark.latency-seconds", 8);
    private final int footprintSeconds = Integer.getInteger("benchmark.footprint-seconds", 5);
    /** Parallel mail consumers of the service (the MDB's maxSession): the sink ceiling uses as many connections. */
    private final int consumers = Integer.getInteger("benchmark.consumers", 15);

    private Benchmark(StackLayout layout, Path outputDir, Wrk wrk) {
        this.layout = layout;
        this.outputDir = outputDir;
        this.wrk = wrk;
        this.ceilingWar = CeilingWar.write(outputDir.resolve("ceiling.war"));
    }

    public static void main(String[] args) throws Exception {
        Path outputDir = Path.of(System.getProperty("benchmark.dir", "target/benchmark")).toAbsolutePath();
        Path projectDir = Path.of(System.getProperty("benchmark.project-dir", ".")).toAbsolutePath().normalize();
        Path json = outputDir.resolve("results.json");
        Path doc = projectDir.resolve("docs/benchmark.md");
        if (Boolean.getBoolean("benchmark.docs-only")) {
            DocsFigures.update(doc, json);
            System.out.println("Rewritten from " + json + ": the figures section of " + doc);
            System.exit(0);
        }
        StackLayout layout = StackLayout.fromSystemProperties();
        Files.createDirectories(outputDir);
        Benchmark benchmark = new Benchmark(layout, outputDir, Wrk.prepare(outputDir));
        List<String> databases = List.of(System.getProperty("benchmark.databases", "h2").split(","));

        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("date", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("jdk", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("wrk", Wrk.version());
        machine.put("commit", commit(projectDir));
        machine.put("loadAverageAtStart", Processes.loadAverage());
        results.put("machine", machine);
        results.put("settings", benchmark.settings());
        Map<String, Object> perDatabase = new LinkedHashMap<>();
        results.put("databases", perDatabase);
        for (String database : databases) {
            perDatabase.put(database.trim(), benchmark.runOn(database.trim()));
            Files.writeString(json, JsonText.write(results) + "\n");
        }
        log("run command: launching it for its footprint");
        results.put("runCommand", RunCommandFootprint.measure(projectDir, layout.stackDir(),
                outputDir.resolve("run-command"), benchmark.wrk, benchmark.footprintSeconds));
        machine.put("loadAverageAtEnd", Processes.loadAverage());
        machine.put("wallMinutes", ProcessHandle.current().info().startInstant()
                .map(start -> round(Duration.between(start, Instant.now()).toMillis() / 60_000.0))
                .orElse(Double.NaN));
        results.put("targets", Targets.evaluate(results));
        Files.writeString(json, JsonText.write(results) + "\n");
        System.out.println(Report.table(results));
        System.out.println("Written: " + json);
        if (Boolean.getBoolean("benchmark.update-docs")) {
            DocsFigures.update(doc, json);
            System.out.println("Rewritten: the figures section of " + doc);
        }
        reportLeftovers();
        System.exit(0);
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("runs", runs);
        settings.put("mails", mails);
        settings.put("threads", threads);
        settings.put("connections", connections);
        settings.put("acceptSeconds", acceptSeconds);
        settings.put("sequentialSeconds", sequentialSeconds);
        settings.put("brokerSeconds", brokerSeconds);
        settings.put("latencySeconds", latencySeconds);
        settings.put("footprintSeconds", footprintSeconds);
        settings.put("mailConsumers", consumers);
        settings.put("serverEnvironment", serverEnvironment());
        settings.put("brokerProperties", brokerOverrides());
        settings.put("rateLimits", "rate limits raised to 1000000000/PT15M (" + String.join(", ",
                new TreeMap<>(RAISED_RATE_LIMITS).keySet()) + ")");
        return settings;
    }

    private Map<String, Object> runOn(String database) throws Exception {
        log(database + ": starting broker, SMTP sink" + ("postgresql".equals(database) ? ", PostgreSQL" : "")
                + " and Payara Micro");
        try (SmtpSink sink = SmtpSink.start(); Stack stack = stackOn(database, sink)) {
            return measure(database, stack, sink);
        }
    }

    /**
     * The real stack on free loopback ports: profile {@code prod}, the counting sink as the mail server, the rate
     * limits raised, and the ceiling WAR deployed next to the product.
     */
    private Stack stackOn(String database, SmtpSink sink) {
        int httpPort = Ports.free();
        Map<String, String> env = new HashMap<>();
        // the service's default heap; optionally a flight recording
        String javaOptions = "-Xmx256m";
        if (Boolean.getBoolean("benchmark.jfr")) {
            // Payara's stacks are deeper than the recorder's default 64 frames: the service's own frames would be cut
            javaOptions += " -XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename="
                    + outputDir.resolve(database + "/payara.jfr") + ",settings=profile";
        }
        env.put("JAVA_OPTS", javaOptions);
        env.put("MP_CONFIG_PROFILE", "prod");
        env.put("APP_BASE_URL", "http://" + Ports.LOOPBACK + ":" + httpPort);
        env.put("MAIL_FROM", "Forgot Password <no-reply@bench.example>");
        env.put("MAIL_SMTP_HOST", Ports.LOOPBACK);
        env.put("MAIL_SMTP_PORT", Integer.toString(sink.port()));
        env.put("MAIL_SMTP_STARTTLS", "false");
        env.putAll(RAISED_RATE_LIMITS);
        env.putAll(serverEnvironment());
        Stack.Builder stack = Stack.builder(layout, outputDir.resolve(database)).emptyWorkDir().stopOnExit()
                .broker().brokerUser(USER, PASSWORD).brokerProperties(brokerOverrides())
                .environment(env).httpPort(httpPort).payara()
                .payaraOptions(List.of("--deploy", ceilingWar + ":" + CeilingWar.CONTEXT_ROOT));
        if ("postgresql".equals(database)) {
            stack.postgres();
        } else if ("h2".equals(database)) {
            // the instance opens the file, the benchmark reaches it through H2's server on loopback (AUTO_SERVER)
            stack.h2();
        } else {
            throw new IllegalArgumentException("unknown database " + database + " (h2 or postgresql)");
        }
        return stack.start();
    }

    private Map<String, Object> measure(String database, Stack stack, SmtpSink sink) throws Exception {
        ApplicationServer payara = stack.instance(0);
        ArtemisBroker broker = stack.broker();
        String baseUrl = payara.baseUrl();
        long launched = System.nanoTime() - payara.bootTime().toNanos();
        FormPost client = new FormPost(baseUrl);
        long accepted = client.awaitAccepted(FORGOT, "first-", Duration.ofMinutes(5));
        double firstPostSeconds = (accepted - launched) / 1e9;
        log(database + ": first POST accepted " + String.format("%.1f", firstPostSeconds) + " s after launch");

        String template = "template@bench.example";
        int created = client.post("/accounts/", "email=" + FormPost.encoded(template)
                + "&password=bench+pass+phrase+42", Duration.ofSeconds(30)).status();
        if (created != 201) {
            throw new IllegalStateException("POST /accounts/ answered " + created);
        }
        AccountSeeder.seed(stack.database(), template, mails);
        log(database + ": " + mails + " accounts seeded");
        BrokerProbe depth = new BrokerProbe(broker);
        drain(depth, sink);
        int pause = Integer.getInteger("benchmark.pause-seconds", 0);
        if (pause > 0) {
            log(database + ": pausing " + pause + " s (benchmark.pause-seconds) with the service at " + baseUrl
                    + ", broker " + broker.url() + ", SMTP sink port " + sink.port());
            Thread.sleep(pause * 1000L);
        }

        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> accept = acceptRate(baseUrl, depth, sink, database);
        result.put("accept", accept);
        result.put("sequential", sequential(baseUrl, depth, sink, database));
        log(database + ": broker's durable-send ceiling (artemis perf producer, " + brokerSeconds + " s)");
        Map<String, Object> brokerCeiling = BrokerCeiling.run(layout.artemisHome(), broker.url(), USER, PASSWORD,
                brokerSeconds, stack.workDir());
        brokerCeiling.put("forgotOverCeiling", round(((Number) accept.get("forgotPerSecond")).doubleValue()
                / ((Number) brokerCeiling.get("durableSendsPerSecond")).doubleValue()));
        log(database + ": broker: " + brokerCeiling.get("durableSendsPerSecond") + " durable sends/s");
        result.put("broker", brokerCeiling);
        Map<String, Object> mailRate = mailRate(baseUrl, depth, sink, database);
        result.put("mail", mailRate);
        result.put("latency", latency(baseUrl, depth, sink, ((Number) mailRate.get("mailsPerSecond")).doubleValue(),
                stack.workDir(), database));
        Map<String, Object> footprint = new LinkedHashMap<>();
        footprint.put("payaraRssMb", round(Processes.rssMegabytes(payara.pid())));
        footprint.put("brokerRssMb", round(Processes.rssMegabytes(broker.pid())));
        footprint.put("benchmarkJvmRssMb", round(Processes.rssMegabytes(ProcessHandle.current().pid())));
        footprint.put("launchToFirstPostSeconds", round(firstPostSeconds));
        footprint.put("loadAverageAfter", Processes.loadAverage());
        result.put("footprint", footprint);
        log(database + ": footprint " + footprint);
        log(database + ": stopping the broker under a sequential client");
        Map<String, Object> outage = BrokerOutage.measure(baseUrl, broker);
        log(database + ": broker outage " + outage);
        result.put("outage", outage);
        return result;
    }

    /** Broker knobs to try: {@code -Dbenchmark.broker.journalBufferTimeout=500000} adds that broker property. */
    private static Map<String, String> brokerOverrides() {
        Map<String, String> properties = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("benchmark.broker."))
                .forEach(name -> properties.put(name.substring("benchmark.broker.".length()),
                        System.getProperty(name)));
        return properties;
    }

    /** Knobs to try without editing files: {@code -Dbenchmark.env.MAIL_SMTP_POOL_SIZE=0} sets that variable. */
    private static Map<String, String> serverEnvironment() {
        Map<String, String> env = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("benchmark.env."))
                .forEach(name -> env.put(name.substring("benchmark.env.".length()), System.getProperty(name)));
        return env;
    }

    /**
     * The ceiling endpoint, then forgot, each {@code acceptSeconds} at {@code connections}, with distinct
     * addresses of no account (the same reply as for an account, and no mail piles up behind the measurement),
     * after a warm-up of twice that on each.
     */
    private Map<String, Object> acceptRate(String baseUrl, BrokerProbe depth, SmtpSink sink, String database)
            throws Exception {
        log(database + ": accept rate, warm-up");
        wrk.distinctAddresses(baseUrl + CeilingWar.PATH, threads, connections, 2 * acceptSeconds, "warm-ceiling");
        wrk.distinctAddresses(baseUrl + FORGOT, threads, connections, 2 * acceptSeconds, "warm-forgot");
        drain(depth, sink);
        List<Map<String, Object>> measured = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Wrk.Result top = wrk.distinctAddresses(baseUrl + CeilingWar.PATH, threads, connections, acceptSeconds,
                    "ceiling-" + run);
            Wrk.Result real = wrk.distinctAddresses(baseUrl + FORGOT, threads, connections, acceptSeconds,
                    "forgot-" + run);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("ceilingPerSecond", round(top.perSecond()));
            figures.put("ceilingP50Ms", round(top.p50Ms()));
            figures.put("ceilingP99Ms", round(top.p99Ms()));
            figures.put("forgotPerSecond", round(real.perSecond()));
            figures.put("forgotP50Ms", round(real.p50Ms()));
            figures.put("forgotP99Ms", round(real.p99Ms()));
            figures.put("ratio", round(real.perSecond() / top.perSecond()));
            figures.put("failed", top.failed() + real.failed());
            measured.add(figures);
            log(database + ": accept run " + run + ": " + figures);
            drain(depth, sink);
        }
        Map<String, Object> result = withMedians(measured);
        result.put("failed", measured.stream().mapToLong(m -> ((Number) m.get("failed")).longValue()).sum());
        return result;
    }

    /** One client, one connection, each request waiting for the previous reply (distinct unknown addresses). */
    private Map<String, Object> sequential(String baseUrl, BrokerProbe depth, SmtpSink sink, String database)
            throws Exception {
        Wrk.Result one = wrk.distinctAddresses(baseUrl + FORGOT, 1, 1, sequentialSeconds, "sequential");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("client", "wrk -t1 -c1 -d" + sequentialSeconds + "s, distinct addresses of no account");
        result.put("forgotP50Ms", round(one.p50Ms()));
        result.put("forgotP99Ms", round(one.p99Ms()));
        result.put("perSecond", round(one.perSecond()));
        result.put("failed", one.failed());
        log(database + ": sequential " + result);
        drain(depth, sink);
        return result;
    }

    /**
     * N requests, one for each seeded account, from {@code connections} clients as fast as they are answered;
     * mails/s = N / (first request sent → the sink holds all N mails). After a warm-up of 1 000 such requests (and
     * of the sink ceiling's client, which runs in this JVM).
     */
    private Map<String, Object> mailRate(String baseUrl, BrokerProbe depth, SmtpSink sink, String database)
            throws Exception {
        log(database + ": mail rate, warm-up");
        sink.reset();
        int warmUp = Math.min(mails, 1000);
        SinkCeiling.run(sink.port(), consumers, warmUp);
        sink.reset();
        wrk.eachOnce(baseUrl + FORGOT, threads, connections, warmUp, AccountSeeder.FORM_PATTERN, 0, null,
                Duration.ofMinutes(5));
        sink.awaitMails(warmUp, Duration.ofMinutes(5));
        drain(depth, sink);
        List<Map<String, Object>> measured = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            sink.reset();
            double ceiling = SinkCeiling.run(sink.port(), consumers, mails);
            sink.reset();
            long launched = System.nanoTime();
            Wrk.Result replies = wrk.eachOnce(baseUrl + FORGOT, threads, connections, mails,
                    AccountSeeder.FORM_PATTERN, 0, null, Duration.ofMinutes(10));
            if (!sink.awaitMails(mails, Duration.ofMinutes(10))) {
                throw new IllegalStateException("only " + sink.mails() + " of " + mails + " mails arrived");
            }
            long firstSent = replies.extraLong("firstSentNs");
            if (firstSent < launched || firstSent > launched + 60_000_000_000L) {
                log(database + ": wrk's clock does not match (first request at " + firstSent + ", launched at "
                        + launched + "): timing from the launch of wrk");
                firstSent = launched;
            }
            double seconds = (sink.lastArrivalNanos() - firstSent) / 1e9;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("sinkCeilingPerSecond", round(ceiling));
            figures.put("mailsPerSecond", round(mails / seconds));
            figures.put("ratio", round(mails / seconds / ceiling));
            figures.put("secondsToAllMails", round(seconds));
            figures.put("secondsToAcceptAll", round((replies.extraLong("lastReplyNs") - firstSent) / 1e9));
            figures.put("replyP50Ms", round(replies.p50Ms()));
            figures.put("replyP99Ms", round(replies.p99Ms()));
            figures.put("smtpConnectionsUsed", sink.carryingConnections());
            figures.put("smtpConnectionsOpened", sink.sessions());
            figures.put("failed", mails - replies.extraLong("ok"));
            measured.add(figures);
            log(database + ": mail run " + run + ": " + figures);
            drain(depth, sink);
        }
        Map<String, Object> result = withMedians(measured);
        result.put("failed", measured.stream().mapToLong(m -> ((Number) m.get("failed")).longValue()).sum());
        return result;
    }

    /**
     * Request → mail at a steady rate of a quarter of the measured mail rate (well below what the stack can do),
     * {@code latencySeconds} long: wrk paces the requests (8 connections) and notes when each went out, the sink
     * notes when each mail was complete; both on CLOCK_MONOTONIC (System.nanoTime here).
     */
    private Map<String, Object> latency(String baseUrl, BrokerProbe depth, SmtpSink sink, double mailRate, Path work,
                                        String database) throws Exception {
        double rate = Math.max(5, Math.floor(mailRate / 4));
        int count = Math.max(20, Math.min(mails, (int) Math.ceil(rate * latencySeconds)));
        List<Map<String, Object>> measured = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            sink.reset();
            Path sentFile = work.resolve("latency-sent-" + run + ".txt");
            Wrk.Result replies = wrk.eachOnce(baseUrl + FORGOT, threads, 8, count, AccountSeeder.FORM_PATTERN, rate,
                    sentFile, Duration.ofSeconds(latencySeconds + 120L));
            if (!sink.awaitMails(count, Duration.ofMinutes(5))) {
                throw new IllegalStateException("only " + sink.mails() + " of " + count + " mails arrived");
            }
            List<String> lines = Files.readAllLines(sentFile, StandardCharsets.US_ASCII);
            long[] latencies = new long[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                String[] fields = lines.get(i).split(" ");
                Long arrival = sink.arrival(AccountSeeder.address(Integer.parseInt(fields[0])));
                latencies[i] = arrival == null ? Long.MAX_VALUE : arrival - Long.parseLong(fields[1]);
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("requestsPerSecond", round(rate));
            figures.put("requestToMailP50Ms", round(Stats.percentile(latencies, 50) / 1e6));
            figures.put("requestToMailP99Ms", round(Stats.percentile(latencies, 99) / 1e6));
            figures.put("replyP50Ms", round(replies.p50Ms()));
            figures.put("replyP99Ms", round(replies.p99Ms()));
            figures.put("failed", count - replies.extraLong("ok"));
            measured.add(figures);
            log(database + ": latency run " + run + ": " + figures);
            drain(depth, sink);
        }
        return withMedians(measured);
    }

    /** The per-run figures and, under "median", the median of each. */
    private static Map<String, Object> withMedians(List<Map<String, Object>> runs) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String key : runs.get(0).keySet()) {
            result.put(key, round(Stats.median(runs.stream()
                    .map(run -> ((Number) run.get(key)).doubleValue()).toList())));
        }
        result.put("runs", runs);
        return result;
    }

    /** Waits until the request queue is empty and no mail has arrived for a moment. */
    private static void drain(BrokerProbe depth, SmtpSink sink) {
        if (!Wait.until(() -> depth.messageCount(REQUEST_QUEUE) == 0
                && System.nanoTime() - sink.lastArrivalNanos() > 300_000_000L, Duration.ofMinutes(10),
                Duration.ofMillis(200))) {
            throw new IllegalStateException("the queue did not drain within 10 minutes");
        }
    }

    /** The commit measured, and whether the tree had uncommitted changes to tracked files. */
    private static String commit(Path projectDir) {
        try {
            String head = git(projectDir, "rev-parse", "--short", "HEAD");
            String changes = git(projectDir, "status", "--porcelain", "--untracked-files=no");
            return head + (changes.isEmpty() ? "" : " with uncommitted changes");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String git(Path projectDir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", projectDir.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("git " + String.join(" ", arguments) + ": " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Names (and stops) any process of the benchmark's still running: there should be none. */
    private static void reportLeftovers() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        for (ProcessHandle process : left) {
            System.out.println("Still running, stopped now: " + process.pid() + " "
                    + process.info().commandLine().orElse("?"));
            process.destroy();
        }
        if (left.isEmpty()) {
            System.out.println("Nothing the benchmark started is still running.");
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static void log(String text) {
        System.out.printf("[benchmark %tT] %s%n", System.currentTimeMillis(), text);
    }
}
