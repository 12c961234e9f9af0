package org.example.forgotpassword.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A server that runs the WAR, started through its launch.sh: Payara Micro or WildFly. */
public abstract class ApplicationServer implements AutoCloseable {

    private final String name;
    private final int httpPort;
    private final ManagedProcess process;
    private final Duration bootTime;

    ApplicationServer(String name, int httpPort, ManagedProcess process, Duration bootTime) {
        this.name = name;
        this.httpPort = httpPort;
        this.process = process;
        this.bootTime = bootTime;
    }

    /**
     * What every launch.sh gets besides the service's settings: its port, the loopback address unless another is
     * asked for, and this JVM's JDK first on the PATH.
     */
    static Map<String, String> launchEnvironment(Map<String, String> environment, int httpPort) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("HTTP_PORT", Integer.toString(httpPort));
        env.putIfAbsent("HTTP_BIND_ADDRESS", Ports.LOOPBACK);
        env.put("PATH", Path.of(JavaCommand.home(), "bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://" + Ports.LOOPBACK + ":" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    /** From the launch to the server's announcement that it is up, with its port open. */
    public Duration bootTime() {
        return bootTime;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
