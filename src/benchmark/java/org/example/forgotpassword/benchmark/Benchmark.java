package org.example.forgotpassword.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.example.forgotpassword.devstack.ArtemisBroker;
import org.example.forgotpassword.devstack.PayaraMicroServer;
import org.example.forgotpassword.devstack.Ports;
import org.example.forgotpassword.devstack.PostgresServer;
import org.example.forgotpassword.devstack.StackLayout;
import org.example.forgotpassword.it.BrokerProbe;

/**
 * The benchmark ({@code ./mvnw -Pbenchmark}): starts the real stack (Artemis, Payara Micro with the WAR and a
 * trivial ceiling WAR, a counting SMTP sink, the database) and measures, as medians of several runs, the accept
 * rate of {@code POST /password/forgot/} against the ceiling endpoint, the end-to-end mail rate against the sink's
 * own ceiling, the request-to-mail latency at a moderate rate, and the footprint. Prints a table and writes
 * {@code target/benchmark/results.json}. The load comes from this JVM, a process of its own, over loopback.
 */
public final class Benchmark {

    private static final String FORGOT = "/password/forgot/";
    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password";
    private static final String[] QUEUES = {"password-reset-requests", "mail-outbox"};

    private final StackLayout layout;
    private final Path outputDir;
    private final Path ceilingWar;
    private final int mails = Integer.getInteger("benchmark.mails", 10_000);
    private final int runs = Integer.getInteger("benchmark.runs", 3);
    private final int connections = Integer.getInteger("benchmark.connections", 32);
    private final int acceptSeconds = Integer.getInteger("benchmark.accept-seconds", 4);
    private final int latencySeconds = Integer.getInteger("benchmark.latency-seconds", 8);
    /** Parallel mail consumers of the service: the resource adapter's maxSession (server-config/payara). */
    private final int consumers = Integer.getInteger("benchmark.consumers", 15);

    private Benchmark(StackLayout layout, Path outputDir) {
        this.layout = layout;
        this.outputDir = outputDir;
        this.ceilingWar = CeilingWar.write(outputDir.resolve("ceiling.war"));
    }

    public static void main(String[] args) throws Exception {
        StackLayout layout = StackLayout.fromSystemProperties();
        Path outputDir = Path.of(System.getProperty("benchmark.dir", "target/benchmark")).toAbsolutePath();
        Benchmark benchmark = new Benchmark(layout, outputDir);
        List<String> databases = List.of(System.getProperty("benchmark.databases",
                PostgresServer.installation().isPresent() ? "h2,postgresql" : "h2").split(","));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "jdk", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), "date", Instant.now().toString(),
                "loadAverageAtStart", loadAverage()));
        results.put("settings", benchmark.settings());
        Map<String, Object> perDatabase = new LinkedHashMap<>();
        results.put("databases", perDatabase);
        Path json = outputDir.resolve("results.json");
        for (String database : databases) {
            perDatabase.put(database.trim(), benchmark.runOn(database.trim()));
            Files.writeString(json, Json.write(results) + "\n");
        }
        System.out.println(Report.table(results));
        System.out.println("Written: " + json);
        System.out.printf("Wall time of this command so far (Maven, build included): %.1f min%n",
                ProcessHandle.current().info().startInstant()
                        .map(start -> Duration.between(start, Instant.now()).toMillis() / 60_000.0).orElse(Double.NaN));
        System.exit(0);
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("runs", runs);
        settings.put("mails", mails);
        settings.put("connections", connections);
        settings.put("acceptSeconds", acceptSeconds);
        settings.put("latencySeconds", latencySeconds);
        settings.put("mailConsumers", consumers);
        settings.put("serverEnvironment", serverEnvironment());
        settings.put("brokerProperties", brokerOverrides());
        settings.put("rateLimits", "raised to 1000000000/PT15M for the run (RATE_LIMIT_FORGOT_PER_ADDRESS, "
                + "RATE_LIMIT_FORGOT_PER_CLIENT, RATE_LIMIT_ACCOUNTS_PER_CLIENT)");
        return settings;
    }

    private Map<String, Object> runOn(String database) throws Exception {
        Path work = outputDir.resolve(database);
        deleteRecursively(work);
        Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
        Thread stopOnExit = new Thread(() -> {
            stopAll(started);
            // a server still booting is not in the list yet; everything below this JVM is the benchmark's own
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        }, "benchmark-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            return measure(database, work, started);
        } finally {
            stopAll(started);
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    /** Stops what was started, last first (also on Ctrl-C, through the shutdown hook). */
    private static void stopAll(Deque<AutoCloseable> started) {
        AutoCloseable next;
        while ((next = started.pollFirst()) != null) {
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("Stopping failed: " + e);
            }
        }
    }

    private Map<String, Object> measure(String database, Path work, Deque<AutoCloseable> started) throws Exception {
        log(database + ": starting broker, SMTP sink" + ("postgresql".equals(database) ? ", PostgreSQL" : "")
                + " and Payara Micro");
        SmtpSink sink = SmtpSink.start();
        started.push(sink);
        ArtemisBroker broker = ArtemisBroker.create(layout, work.resolve("broker"), Ports.free(), Ports.free(),
                USER, PASSWORD);
        started.push(broker);
        appendBrokerProperties(work.resolve("broker/etc/broker.properties"));
        broker.start();

        Map<String, String> env = new HashMap<>();
        String dbUrl;
        String dbUser = "forgot";
        String dbPassword = "bench-db-password";
        if ("postgresql".equals(database)) {
            PostgresServer postgres = PostgresServer.start(PostgresServer.installation().orElseThrow(
                    () -> new IllegalStateException("PostgreSQL is not installed (Debian package postgresql)")),
                    Ports.free(), dbUser, dbPassword);
            started.push(postgres);
            dbUrl = postgres.jdbcUrl();
        } else if ("h2".equals(database)) {
            // AUTO_SERVER: Payara opens the file, the benchmark reaches it through H2's server on loopback.
            dbUrl = "jdbc:h2:file:" + work.resolve("h2/forgot-password") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";
        } else {
            throw new IllegalArgumentException("unknown database " + database + " (h2 or postgresql)");
        }
        // the service's default heap; H2's AUTO_SERVER listens on loopback only; optionally a flight recording
        String javaOptions = "-Xmx256m -Dh2.bindAddress=127.0.0.1";
        if (Boolean.getBoolean("benchmark.jfr")) {
            javaOptions += " -XX:StartFlightRecording=filename=" + work.resolve("payara.jfr") + ",settings=profile";
        }
        env.put("JAVA_OPTS", javaOptions);
        int httpPort = Ports.free();
        env.put("MP_CONFIG_PROFILE", "prod");
        env.put("APP_BASE_URL", "http://127.0.0.1:" + httpPort);
        env.put("MAIL_FROM", "Forgot Password <no-reply@bench.example>");
        env.put("MAIL_SMTP_HOST", "127.0.0.1");
        env.put("MAIL_SMTP_PORT", Integer.toString(sink.port()));
        env.put("MAIL_SMTP_STARTTLS", "false");
        env.put("ARTEMIS_URL", broker.url());
        env.put("ARTEMIS_USER", USER);
        env.put("ARTEMIS_PASSWORD", PASSWORD);
        env.put("DB_URL", dbUrl);
        env.put("DB_USER", dbUser);
        env.put("DB_PASSWORD", dbPassword);
        env.put("HTTP_BIND_ADDRESS", "127.0.0.1");
        String unlimited = "1000000000/PT15M";
        env.put("RATE_LIMIT_FORGOT_PER_ADDRESS", unlimited);
        env.put("RATE_LIMIT_FORGOT_PER_CLIENT", unlimited);
        env.put("RATE_LIMIT_ACCOUNTS_PER_CLIENT", unlimited);
        env.putAll(serverEnvironment());

        long launched = System.nanoTime();
        PayaraMicroServer payara = PayaraMicroServer.start(layout, httpPort, env, work.resolve("payara/payara.log"),
                List.of("--deploy", ceilingWar + ":" + CeilingWar.CONTEXT_ROOT));
        started.push(payara);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        while (post(http, httpPort, FORGOT, "email=first@bench.example") != 200) {
            Thread.sleep(20);
        }
        double firstPostSeconds = (System.nanoTime() - launched) / 1e9;
        log(database + ": first POST accepted " + String.format("%.1f", firstPostSeconds) + " s after launch");

        String template = "template@bench.example";
        int created = post(http, httpPort, "/accounts/",
                "email=" + URLEncoder.encode(template, StandardCharsets.UTF_8) + "&password=bench+pass+phrase+42");
        if (created != 201) {
            throw new IllegalStateException("POST /accounts/ answered " + created);
        }
        AccountSeeder.seed(dbUrl, dbUser, dbPassword, template, mails);
        log(database + ": " + mails + " accounts seeded");
        BrokerProbe probe = new BrokerProbe(broker.url(), USER, PASSWORD);
        drain(probe, sink);
        int pause = Integer.getInteger("benchmark.pause-seconds", 0);
        if (pause > 0) {
            log(database + ": pausing " + pause + " s (benchmark.pause-seconds) with the service at "
                    + "http://127.0.0.1:" + httpPort + ", broker " + broker.url() + ", SMTP sink port " + sink.port());
            Thread.sleep(pause * 1000L);
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("accept", acceptRate(httpPort, probe, sink, database));
        Map<String, Object> mailRate = mailRate(httpPort, probe, sink, database);
        result.put("mail", mailRate);
        result.put("latency", latency(httpPort, probe, sink, (Double) mailRate.get("mailsPerSecond"), database));
        Map<String, Object> footprint = new LinkedHashMap<>();
        footprint.put("payaraRssMb", rssMegabytes(payara.pid()));
        footprint.put("brokerRssMb", rssMegabytes(broker.pid()));
        footprint.put("launchToFirstPostSeconds", round(firstPostSeconds));
        footprint.put("loadAverageAfter", loadAverage());
        result.put("footprint", footprint);
        return result;
    }

    /** Broker knobs to try: {@code -Dbenchmark.broker.journalBufferTimeout=500000} adds that broker property. */
    private static Map<String, String> brokerOverrides() {
        Map<String, String> properties = new java.util.TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("benchmark.broker."))
                .forEach(name -> properties.put(name.substring("benchmark.broker.".length()),
                        System.getProperty(name)));
        return properties;
    }

    private static void appendBrokerProperties(Path file) throws IOException {
        StringBuilder lines = new StringBuilder("\n# benchmark overrides (-Dbenchmark.broker.*)\n");
        brokerOverrides().forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        Files.writeString(file, lines.toString(), java.nio.file.StandardOpenOption.APPEND);
    }

    /** Knobs to try without editing files: {@code -Dbenchmark.env.MAIL_SMTP_POOL_SIZE=0} sets that variable. */
    private static Map<String, String> serverEnvironment() {
        Map<String, String> env = new java.util.TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("benchmark.env."))
                .forEach(name -> env.put(name.substring("benchmark.env.".length()), System.getProperty(name)));
        return env;
    }

    private Map<String, Object> acceptRate(int port, BrokerProbe probe, SmtpSink sink, String database)
            throws Exception {
        long nanos = acceptSeconds * 1_000_000_000L;
        // addresses without an account: the reply is the same, and no mail piles up behind the measurement
        HttpLoad forgot = new HttpLoad(port, FORGOT, i -> "email=" + "a" + Long.toHexString(System.nanoTime())
                + "-" + i + "%40unknown.example");
        HttpLoad ceiling = new HttpLoad(port, CeilingWar.PATH, i -> "email=c" + i + "%40unknown.example");
        log(database + ": accept rate, warm-up");
        ceiling.closedLoop(connections, nanos, Integer.MAX_VALUE);
        forgot.closedLoop(connections, nanos, Integer.MAX_VALUE);
        drain(probe, sink);
        List<Map<String, Object>> measured = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            HttpLoad.Result top = ceiling.closedLoop(connections, nanos, Integer.MAX_VALUE);
            HttpLoad.Result real = forgot.closedLoop(connections, nanos, Integer.MAX_VALUE);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("ceilingPerSecond", round(top.perSecond()));
            figures.put("ceilingP50Ms", round(top.percentileMillis(50)));
            figures.put("ceilingP99Ms", round(top.percentileMillis(99)));
            figures.put("forgotPerSecond", round(real.perSecond()));
            figures.put("forgotP50Ms", round(real.percentileMillis(50)));
            figures.put("forgotP99Ms", round(real.percentileMillis(99)));
            figures.put("ratio", round(real.perSecond() / top.perSecond()));
            figures.put("failed", top.failed() + real.failed());
            measured.add(figures);
            log(database + ": accept run " + run + ": " + figures);
            drain(probe, sink);
        }
        return withMedians(measured);
    }

    private Map<String, Object> mailRate(int port, BrokerProbe probe, SmtpSink sink, String database)
            throws Exception {
        List<Map<String, Object>> measured = new ArrayList<>();
        HttpLoad known = new HttpLoad(port, FORGOT, i -> "email=" + encoded(AccountSeeder.address(i)));
        log(database + ": mail rate, warm-up");
        sink.reset();
        int warmUp = Math.min(mails, 1000);
        known.closedLoop(connections, Long.MAX_VALUE, warmUp);
        sink.awaitMails(warmUp, Duration.ofMinutes(5));
        drain(probe, sink);
        for (int run = 1; run <= runs; run++) {
            sink.reset();
            double ceiling = SinkCeiling.run(sink.port(), consumers, mails);
            sink.reset();
            long start = System.nanoTime();
            HttpLoad.Result accepted = known.closedLoop(connections, Long.MAX_VALUE, mails);
            double acceptSecondsTaken = (System.nanoTime() - start) / 1e9;
            if (!sink.awaitMails(mails, Duration.ofMinutes(10))) {
                throw new IllegalStateException("only " + sink.mails() + " of " + mails + " mails arrived");
            }
            double seconds = (sink.lastArrivalNanos() - start) / 1e9;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("sinkCeilingPerSecond", round(ceiling));
            figures.put("mailsPerSecond", round(mails / seconds));
            figures.put("ratio", round(mails / seconds / ceiling));
            figures.put("secondsToAllMails", round(seconds));
            figures.put("secondsToAcceptAll", round(acceptSecondsTaken));
            figures.put("smtpConnections", sink.sessions());
            figures.put("failed", accepted.failed());
            measured.add(figures);
            log(database + ": mail run " + run + ": " + figures);
            drain(probe, sink);
        }
        return withMedians(measured);
    }

    private Map<String, Object> latency(int port, BrokerProbe probe, SmtpSink sink, double mailRate, String database)
            throws Exception {
        double rate = Math.max(1, mailRate / 2);
        int count = Math.min(mails, (int) Math.ceil(rate * latencySeconds));
        IntFunction<String> address = AccountSeeder::address;
        HttpLoad known = new HttpLoad(port, FORGOT, i -> "email=" + encoded(address.apply(i)));
        List<Map<String, Object>> measured = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            sink.reset();
            long[] sentAt = new long[count];
            HttpLoad.Result replies = known.paced(Math.min(connections, 8), rate, count, sentAt);
            if (!sink.awaitMails(count, Duration.ofMinutes(5))) {
                throw new IllegalStateException("only " + sink.mails() + " of " + count + " mails arrived");
            }
            long[] latencies = new long[count];
            for (int i = 0; i < count; i++) {
                latencies[i] = sink.arrival(address.apply(i)) - sentAt[i];
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("requestsPerSecond", round(rate));
            figures.put("requestToMailP50Ms", round(Stats.percentile(latencies, 50) / 1e6));
            figures.put("requestToMailP99Ms", round(Stats.percentile(latencies, 99) / 1e6));
            figures.put("replyP50Ms", round(replies.percentileMillis(50)));
            figures.put("replyP99Ms", round(replies.percentileMillis(99)));
            figures.put("failed", replies.failed());
            measured.add(figures);
            log(database + ": latency run " + run + ": " + figures);
            drain(probe, sink);
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

    /** Waits until both queues are empty and no mail has arrived for a moment. */
    private static void drain(BrokerProbe probe, SmtpSink sink) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            boolean empty = true;
            for (String queue : QUEUES) {
                empty &= probe.messageCount(queue) == 0;
            }
            if (empty && System.nanoTime() - sink.lastArrivalNanos() > 300_000_000L) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the queues did not drain within 10 minutes");
    }

    private static int post(HttpClient http, int port, String path, String form) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The machine's 1-minute load average (Linux), to read the figures against. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Resident set size of a process, from /proc (Linux). */
    static double rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void log(String text) {
        System.out.printf("[benchmark %tT] %s%n", System.currentTimeMillis(), text);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
