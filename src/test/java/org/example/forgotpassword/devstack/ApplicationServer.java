package org.example.forgotpassword.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A server that runs the WAR, started through its launch.sh: Payara Micro ({@link PayaraMicroServer}) or WildFly
 * ({@link WildFlyServer}).
 *
 * @param bootTime from the launch to the server's announcement that it is up, with its port open
 */
public record ApplicationServer(String name, int httpPort, ManagedProcess process, Duration bootTime)
        implements AutoCloseable {

    /**
     * What every launch.sh gets besides the service's settings: its port, the loopback address unless another is
     * asked for, and this JVM's JDK first on the PATH.
     */
    static Map<String, String> launchEnvironment(Map<String, String> environment, int httpPort) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("HTTP_PORT", Integer.toString(httpPort));
        env.putIfAbsent("HTTP_BIND_ADDRESS", Ports.LOOPBACK);
        env.put("PATH", Path.of(JavaCommand.home(), "bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    public String baseUrl() {
        return "http://" + Ports.LOOPBACK + ":" + httpPort;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}
