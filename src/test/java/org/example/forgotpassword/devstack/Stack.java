package org.example.forgotpassword.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The real servers the service runs against, for the tests, the run command and the benchmark. Only what is asked
 * is started, in this order, and everything is stopped in the reverse order, also when a start fails half-way:
 * <ol>
 * <li>the database: a throwaway PostgreSQL cluster, or an H2 file that the test reaches through H2's AUTO_SERVER;</li>
 * <li>an Artemis broker, or the primary/backup pair of {@code server-config/artemis-ha};</li>
 * <li>GreenMail, and SMTP relays in front of it that a test can stall or make fail;</li>
 * <li>the application instances, Payara Micro (several boot side by side) or WildFly, each through its launch.sh.</li>
 * </ol>
 * Each instance gets the environment an operator would set: {@code ARTEMIS_URL} (both addresses of a pair),
 * {@code ARTEMIS_USER} and {@code ARTEMIS_PASSWORD}; {@code MAIL_SMTP_HOST} and {@code MAIL_SMTP_PORT} (instance
 * <i>i</i> goes through relay <i>i</i>, round robin, or straight to GreenMail without relays); {@code DB_URL},
 * {@code DB_USER} and {@code DB_PASSWORD} (without a database, the server's embedded one in {@code DATA_DIR}).
 * They go over the settings given to {@link Builder#environment}, which go over the test profile's
 * ({@code MP_CONFIG_PROFILE=test}, {@code APP_BASE_URL=}{@value #TEST_BASE_URL}).
 */
public final class Stack implements AutoCloseable {

    /** The origin of the links in a test instance's mails: not a server; tests open the path on the instance. */
    public static final String TEST_BASE_URL = "https://reset.example.test";

    private static final Logger LOG = Logger.getLogger(Stack.class.getName());

    private enum DatabaseKind { NONE, POSTGRES, H2 }

    private enum BrokerKind { NONE, SINGLE, PAIR }

    /**
     * What was asked of the database. The user and password are PostgreSQL's or H2's; a port of 0 is a free one.
     */
    private record DatabaseSettings(DatabaseKind kind, int port, String user, String password) {

        static final DatabaseSettings NOT_ASKED =
                new DatabaseSettings(DatabaseKind.NONE, 0, "forgot", "stack-db-password");
    }

    /**
     * What was asked of the broker: one or a pair, the ports of one (0 for a free one), the user it is made with
     * and the instances log in as, and settings added to its {@code broker.properties}. The user and the settings
     * may be given before or after the kind, so each is kept from what was asked before.
     */
    private record BrokerSettings(BrokerKind kind, int port, int consolePort, String user, String password,
            Map<String, String> properties) {

        static final BrokerSettings NOT_ASKED =
                new BrokerSettings(BrokerKind.NONE, 0, 0, "stack-user", "stack-password", Map.of());

        BrokerSettings single(int port, int consolePort) {
            return new BrokerSettings(BrokerKind.SINGLE, port, consolePort, user, password, properties);
        }

        BrokerSettings pair() {
            return new BrokerSettings(BrokerKind.PAIR, port, consolePort, user, password, properties);
        }

        BrokerSettings loggingInAs(String user, String password) {
            return new BrokerSettings(kind, port, consolePort, user, password, properties);
        }

        BrokerSettings withProperties(Map<String, String> properties) {
            return new BrokerSettings(kind, port, consolePort, user, password, Map.copyOf(properties));
        }
    }

    /** The ports asked of GreenMail, 0 for a free one. */
    private record GreenMailPorts(int smtp, int imap, int web) {
    }

    /** How an application instance is started, again the same way after a stop or a kill. */
    private record Launch(Path dir, int httpPort, Map<String, String> environment) {
    }

    private final Builder asked;
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private final List<SmtpRelay> relays = new ArrayList<>();
    private final List<Launch> launches = new ArrayList<>();
    private final List<ApplicationServer> instances = new ArrayList<>();
    private Database database;
    private PostgresServer postgres;
    private ArtemisBroker broker;
    private ArtemisBroker backup;
    private String brokerUrl;
    private GreenMailServer greenMail;
    private Thread exitHook;

    private Stack(Builder asked) {
        this.asked = asked;
    }

    /** @param workDir where the servers keep their files: broker journal, logs, database */
    public static Builder builder(StackLayout layout, Path workDir) {
        return new Builder(layout, workDir.toAbsolutePath());
    }

    /**
     * What a test starts: the servers of this build ({@link StackLayout#fromSystemProperties()}), working in
     * {@code name} under its build directory, emptied first.
     */
    public static Builder forTest(String name) {
        StackLayout layout = StackLayout.fromSystemProperties();
        return builder(layout, layout.buildDir().resolve(name)).emptyWorkDir();
    }

    private void startAll() throws IOException {
        if (asked.stopOnExit) {
            // a server still booting is not in the list yet: on the way out, nothing this JVM started may stay
            exitHook = new Thread(() -> {
                close();
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            }, "stack-shutdown");
            Runtime.getRuntime().addShutdownHook(exitHook);
        }
        if (asked.emptyWorkDir) {
            deleteRecursively(asked.workDir);
        }
        Files.createDirectories(asked.workDir);
        startDatabase();
        startBroker();
        startMail();
        startInstances();
    }

    private void startDatabase() {
        DatabaseSettings settings = asked.database;
        if (settings.kind() == DatabaseKind.POSTGRES) {
            postgres = register(PostgresServer.start(PostgresServer.requiredInstallation(),
                    orFree(settings.port()), settings.user(), settings.password()));
            database = postgres.database();
        } else if (settings.kind() == DatabaseKind.H2) {
            database = new Database("jdbc:h2:file:" + asked.workDir.resolve("h2/forgot-password")
                    + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000", settings.user(), settings.password());
        }
    }

    private void startBroker() {
        BrokerSettings settings = asked.broker;
        if (settings.kind() == BrokerKind.PAIR) {
            BrokerPair pair = BrokerPair.create(asked.layout, asked.workDir.resolve("broker-pair"), settings.user(),
                    settings.password());
            broker = register(pair.primary());
            broker.addProperties(settings.properties());
            broker.start();
            backup = register(pair.backup());
            backup.addProperties(settings.properties());
            backup.startAsBackup();
            brokerUrl = pair.url();
        } else if (settings.kind() == BrokerKind.SINGLE) {
            broker = register(ArtemisBroker.create(asked.layout, asked.workDir.resolve("broker"),
                    orFree(settings.port()), orFree(settings.consolePort()), settings.user(), settings.password()));
            broker.addProperties(settings.properties());
            broker.start();
            brokerUrl = broker.url();
        }
    }

    private void startMail() throws IOException {
        GreenMailPorts ports = asked.greenMail;
        if (ports == null) {
            return;
        }
        greenMail = register(GreenMailServer.start(asked.layout, orFree(ports.smtp()), orFree(ports.imap()),
                orFree(ports.web()), asked.workDir.resolve("greenmail/greenmail.log")));
        for (int port : asked.relayPorts) {
            relays.add(register(new SmtpRelay(orFree(port), greenMail.smtpPort())));
        }
    }

    private void startInstances() {
        for (int i = 0; i < asked.instances; i++) {
            launches.add(launchOf(i));
        }
        if (launches.size() == 1) {
            instances.add(launch(launches.get(0)));
            return;
        }
        ApplicationServer[] booted = new ApplicationServer[launches.size()];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> booting = new ArrayList<>();
        for (int i = 0; i < launches.size(); i++) {
            int index = i;
            booting.add(new Thread(() -> {
                try {
                    booted[index] = launch(launches.get(index));
                } catch (RuntimeException e) {
                    if (!failure.compareAndSet(null, e)) {
                        failure.get().addSuppressed(e);
                    }
                }
            }, "boot-" + launches.get(i).dir().getFileName()));
        }
        booting.forEach(Thread::start);
        for (Thread thread : booting) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the instances booted", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        instances.addAll(List.of(booted));
    }

    private Launch launchOf(int index) {
        String kind = asked.wildFly ? "wildfly" : "payara";
        boolean alone = asked.instances == 1;
        Path dir = asked.workDir.resolve(alone ? kind : kind + "-" + (index + 1));
        int httpPort = index == 0 ? orFree(asked.httpPort) : Ports.free();
        Map<String, String> env = new HashMap<>();
        env.put("MP_CONFIG_PROFILE", "test");
        env.put("APP_BASE_URL", TEST_BASE_URL);
        env.putAll(asked.environment);
        if (brokerUrl != null) {
            env.put("ARTEMIS_URL", brokerUrl);
            env.put("ARTEMIS_USER", asked.broker.user());
            env.put("ARTEMIS_PASSWORD", asked.broker.password());
        }
        if (greenMail != null) {
            env.put("MAIL_SMTP_HOST", Ports.LOOPBACK);
            env.put("MAIL_SMTP_PORT", Integer.toString(relays.isEmpty() ? greenMail.smtpPort()
                    : relays.get(index % relays.size()).port()));
        }
        if (database != null) {
            env.put("DB_URL", database.jdbcUrl());
            env.put("DB_USER", database.user());
            env.put("DB_PASSWORD", database.password());
        } else if (!asked.environment.containsKey("DB_URL")) {
            env.putIfAbsent("DATA_DIR", (alone ? asked.workDir : dir).resolve("data").toString());
            // Empty, not absent: a DB_URL this JVM inherited (the integration tests' shared H2 with its TCP server)
            // must not reach the server, which takes the embedded database in DATA_DIR for an empty one.
            env.put("DB_URL", "");
            env.put("DB_USER", "");
            env.put("DB_PASSWORD", "");
        }
        if (asked.database.kind() == DatabaseKind.H2) {
            // H2's AUTO_SERVER listens on loopback only; without JAVA_OPTS, launch.sh's default heap
            env.put("JAVA_OPTS", asked.environment.getOrDefault("JAVA_OPTS", "-Xmx256m") + " -Dh2.bindAddress="
                    + Ports.LOOPBACK);
        }
        return new Launch(dir, httpPort, Map.copyOf(env));
    }

    private ApplicationServer launch(Launch launch) {
        if (asked.wildFly) {
            return register(WildFlyServer.start(asked.layout, launch.httpPort(), launch.environment(),
                    Optional.of(asked.layout.war()), launch.dir().resolve("wildfly.log")));
        }
        return register(PayaraMicroServer.start(asked.layout, launch.httpPort(), launch.environment(),
                launch.dir().resolve("payara.log"), asked.payaraOptions));
    }

    private <T extends AutoCloseable> T register(T server) {
        started.push(server);
        return server;
    }

    /**
     * Starts an instance again on its port and with its settings, as a supervisor would once it stopped or was
     * killed; its log goes on in the same file.
     */
    public synchronized ApplicationServer startAgain(int index) {
        ApplicationServer previous = instances.get(index);
        if (previous.process().isAlive()) {
            throw new IllegalStateException(previous.name() + " " + index + " is still running");
        }
        started.remove(previous);
        ApplicationServer again = launch(launches.get(index));
        instances.set(index, again);
        return again;
    }

    public StackLayout layout() {
        return asked.layout;
    }

    public Path workDir() {
        return asked.workDir;
    }

    /** The database the instances are given. */
    public Database database() {
        return present(database, "a database");
    }

    /** The PostgreSQL cluster of {@link Builder#postgres()}, to freeze and thaw. */
    public PostgresServer postgres() {
        return present(postgres, "PostgreSQL");
    }

    /** The broker, or the primary of the pair. */
    public ArtemisBroker broker() {
        return present(broker, "a broker");
    }

    /** The backup of the pair. */
    public ArtemisBroker backupBroker() {
        return present(backup, "a broker pair");
    }

    public GreenMailServer greenMail() {
        return present(greenMail, "GreenMail");
    }

    public SmtpRelay relay(int index) {
        return relays.get(index);
    }

    /** The instance's current server (after {@link #startAgain}, the new one). */
    public synchronized ApplicationServer instance(int index) {
        return instances.get(index);
    }

    public synchronized List<ApplicationServer> instances() {
        return List.copyOf(instances);
    }

    private static <T> T present(T server, String what) {
        if (server == null) {
            throw new IllegalStateException("This stack was not asked for " + what);
        }
        return server;
    }

    /** Stops in reverse order of start: the instances first, so that they drain before the broker goes. */
    @Override
    public void close() {
        for (AutoCloseable server = started.pollFirst(); server != null; server = started.pollFirst()) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warning("Stopping " + server.getClass().getSimpleName() + " failed: " + e);
            }
        }
        if (exitHook != null && Thread.currentThread() != exitHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway, and finds nothing left to stop
            }
        }
    }

    private static int orFree(int port) {
        return port == 0 ? Ports.free() : port;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** What to start; ports given as 0 are free ones picked at the start. */
    public static final class Builder {

        private final StackLayout layout;
        private final Path workDir;
        private boolean emptyWorkDir;
        private boolean stopOnExit;
        private Map<String, String> environment = Map.of();
        private DatabaseSettings database = DatabaseSettings.NOT_ASKED;
        private BrokerSettings broker = BrokerSettings.NOT_ASKED;
        /** Null when GreenMail is not asked for. */
        private GreenMailPorts greenMail;
        private final List<Integer> relayPorts = new ArrayList<>();
        private int instances;
        private boolean wildFly;
        private int httpPort;
        private List<String> payaraOptions = List.of();

        private Builder(StackLayout layout, Path workDir) {
            this.layout = layout;
            this.workDir = workDir;
        }

        /** Starts from an empty work directory: no broker journal or database file of an earlier run comes back. */
        public Builder emptyWorkDir() {
            emptyWorkDir = true;
            return this;
        }

        /** Stops the stack when the JVM exits (Ctrl-C), also while it is still starting. */
        public Builder stopOnExit() {
            stopOnExit = true;
            return this;
        }

        /** The service's settings for every instance, under what the stack sets for the servers it started. */
        public Builder environment(Map<String, String> settings) {
            environment = Map.copyOf(settings);
            return this;
        }

        /** A throwaway PostgreSQL cluster from Debian's postgresql package; fails saying so when it is missing. */
        public Builder postgres() {
            return postgres(0, database.user(), database.password());
        }

        public Builder postgres(int port, String user, String password) {
            database = new DatabaseSettings(DatabaseKind.POSTGRES, port, user, password);
            return this;
        }

        /** An H2 file database in the work directory, which the instance opens and the test reaches through it. */
        public Builder h2() {
            database = new DatabaseSettings(DatabaseKind.H2, database.port(), database.user(), database.password());
            return this;
        }

        public Builder broker() {
            return broker(0, 0);
        }

        public Builder broker(int port, int consolePort) {
            broker = broker.single(port, consolePort);
            return this;
        }

        /** The primary/backup pair instead of one broker: the instances are given both addresses. */
        public Builder brokerPair() {
            broker = broker.pair();
            return this;
        }

        /** The user the broker is made with and the instances log in as. */
        public Builder brokerUser(String user, String password) {
            broker = broker.loggingInAs(user, password);
            return this;
        }

        /** Settings added to the shipped {@code broker.properties}, e.g. journal knobs to try. */
        public Builder brokerProperties(Map<String, String> properties) {
            broker = broker.withProperties(properties);
            return this;
        }

        public Builder greenMail() {
            return greenMail(0, 0, 0);
        }

        /** @param webPort its web page and REST API */
        public Builder greenMail(int smtpPort, int imapPort, int webPort) {
            greenMail = new GreenMailPorts(smtpPort, imapPort, webPort);
            return this;
        }

        /** {@code count} more relays in front of GreenMail, on free ports. */
        public Builder relays(int count) {
            for (int i = 0; i < count; i++) {
                relay(0);
            }
            return this;
        }

        /** One more relay in front of GreenMail, on {@code port}. */
        public Builder relay(int port) {
            relayPorts.add(port);
            return this;
        }

        public Builder payara() {
            return payaraInstances(1);
        }

        public Builder payaraInstances(int count) {
            instances = count;
            wildFly = false;
            return this;
        }

        /** More Payara Micro options after the WAR's, e.g. {@code --deploy other.war:/other}. */
        public Builder payaraOptions(List<String> options) {
            payaraOptions = List.copyOf(options);
            return this;
        }

        /** One WildFly instead of Payara Micro, with the same WAR and settings. */
        public Builder wildFly() {
            instances = 1;
            wildFly = true;
            return this;
        }

        /** The HTTP port of the (first) instance; otherwise a free one. */
        public Builder httpPort(int port) {
            httpPort = port;
            return this;
        }

        public Stack start() {
            if (!relayPorts.isEmpty() && greenMail == null) {
                throw new IllegalStateException("An SMTP relay needs GreenMail behind it");
            }
            Stack stack = new Stack(this);
            try {
                stack.startAll();
                return stack;
            } catch (IOException | RuntimeException e) {
                stack.close();
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
        }
    }
}
