package org.example.forgotpassword.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An Apache ActiveMQ Artemis broker from the official distribution, with its web console, on loopback. The
 * instance is made with {@code artemis create} and gets the service's settings from
 * {@code server-config/artemis/broker.properties}. The journal is what {@code artemis create} measures and chooses,
 * as for an operator's broker (ASYNCIO where libaio is installed, else NIO, and the buffer timeout it measured); it
 * survives {@link #stop()}/{@link #start()}.
 */
public final class ArtemisBroker implements AutoCloseable {

    private final Path instance;
    private final int port;
    private final int consolePort;
    private final String user;
    private final String password;
    private ManagedProcess process;

    private ArtemisBroker(Path instance, int port, int consolePort, String user, String password) {
        this.instance = instance;
        this.port = port;
        this.consolePort = consolePort;
        this.user = user;
        this.password = password;
    }

    public static ArtemisBroker create(StackLayout layout, Path instance, int port, int consolePort,
                                       String user, String password) {
        ArtemisBroker broker = new ArtemisBroker(instance, port, consolePort, user, password);
        broker.createInstance(layout);
        return broker;
    }

    /** {@code artemis create} from the layout's distribution, with the service's broker.properties. */
    private void createInstance(StackLayout layout) {
        List<String> command = List.of("bash", layout.artemisHome().resolve("bin/artemis").toString(), "create",
                instance.toString(), "--silent", "--force", "--user", user, "--password", password,
                "--require-login", "--host", Ports.LOOPBACK, "--http-host", Ports.LOOPBACK,
                "--default-port", Integer.toString(port), "--http-port", Integer.toString(consolePort),
                "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor",
                "--java-memory", "512M");
        try {
            Files.createDirectories(instance.getParent());
            Process create = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(instance.resolveSibling(
                            instance.getFileName() + "-create.log").toFile()))
                    .start();
            if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
                create.destroyForcibly();
                throw new IllegalStateException("artemis create failed for " + instance);
            }
            Files.copy(layout.brokerProperties(), instance.resolve("etc/broker.properties"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Adds settings to the instance's {@code etc/broker.properties}, to be read at its next start. */
    public void addProperties(Map<String, String> properties) {
        if (properties.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder("\n# added for this run\n");
        properties.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        try {
            Files.writeString(instance.resolve("etc/broker.properties"), lines, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker instance made elsewhere (e.g. by {@code server-config/artemis-ha/create-pair.sh}). */
    public static ArtemisBroker ofInstance(Path instance, int port, int consolePort, String user, String password) {
        return new ArtemisBroker(instance, port, consolePort, user, password);
    }

    public ArtemisBroker start() {
        launch();
        process.awaitReady(() -> process.logContains("AMQ241004") && Ports.listening(port), Duration.ofSeconds(90));
        return this;
    }

    /**
     * Starts the backup of a primary/backup pair: ready once it has announced itself to its primary (AMQ221031). It
     * opens its port only when it takes over ({@link #awaitActive}).
     */
    public ArtemisBroker startAsBackup() {
        launch();
        process.awaitReady(() -> process.logContains("AMQ221031"), Duration.ofSeconds(90));
        return this;
    }

    /** Waits until this backup has taken over (AMQ221010) and accepts connections. */
    public void awaitActive(Duration timeout) {
        process.awaitReady(() -> process.logContains("AMQ221010") && Ports.listening(port), timeout);
    }

    private void launch() {
        process = ManagedProcess.start("Artemis broker " + instance.getFileName(),
                List.of("bash", instance.resolve("bin/artemis").toString(), "run"), Map.of(), instance,
                instance.resolve("log/console.log"));
    }

    public void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** SIGKILL: the broker gets no chance to close anything. */
    public void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    /** The broker's process (the script execs its JVM), while it runs. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("the broker is not running");
        }
        return process.pid();
    }

    public String url() {
        return "tcp://" + Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    public String consoleUrl() {
        return "http://" + Ports.LOOPBACK + ":" + consolePort + "/console";
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        stop();
    }
}
