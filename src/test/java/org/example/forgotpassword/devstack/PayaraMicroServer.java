package org.example.forgotpassword.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro with the resource adapter and the WAR, started exactly as in production: through
 * {@code server-config/payara/launch.sh}, configured by environment variables only.
 */
public final class PayaraMicroServer {

    /** The {@link ApplicationServer#name()} of the servers started here. */
    public static final String NAME = "Payara Micro";

    /** 20-60 s on 2 quiet cores; over 3 minutes were seen with several builds sharing them. */
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration LISTENER_GRACE = Duration.ofSeconds(10);

    private PayaraMicroServer() {
    }

    /** @param environment the service's settings (ARTEMIS_URL, MAIL_SMTP_HOST, ...); HTTP_PORT is added here */
    public static ApplicationServer start(StackLayout layout, int httpPort, Map<String, String> environment, Path log) {
        return start(layout, httpPort, environment, log, List.of());
    }

    /** @param extraOptions more Payara Micro options after the WAR's, e.g. {@code --deploy other.war:/other} */
    public static ApplicationServer start(StackLayout layout, int httpPort, Map<String, String> environment, Path log,
                                           List<String> extraOptions) {
        return start(layout, layout.war(), httpPort, environment, log, extraOptions);
    }

    /**
     * @param war the WAR to deploy instead of the shipped one (an Arquillian deployment); launch.sh adds the JDBC
     *            drivers in the {@code lib} directory next to it
     */
    public static ApplicationServer start(StackLayout layout, Path war, int httpPort, Map<String, String> environment,
                                           Path log, List<String> extraOptions) {
        Instant launched = Instant.now();
        ManagedProcess process = launch(layout, war, httpPort, environment, log, extraOptions);
        process.awaitReady(() -> process.logContains("Payara Micro URLs"), BOOT_TIMEOUT);
        // the post-deploy commands open the listener before Payara Micro reports its URLs, unless the deployment failed
        if (!process.awaitUntil(() -> Ports.listening(httpPort), LISTENER_GRACE)) {
            String tail = process.logTail();
            process.close();
            throw new IllegalStateException("Payara Micro started but did not deploy " + war + " (its HTTP port stayed"
                    + " closed; see " + log + "):\n" + tail);
        }
        return new ApplicationServer(NAME, httpPort, process, Duration.between(launched, Instant.now()));
    }

    /** Launches without waiting for readiness: for starts that must fail; the caller closes the process. */
    public static ManagedProcess launch(StackLayout layout, Path war, int httpPort, Map<String, String> environment,
                                        Path log, List<String> extraOptions) {
        Map<String, String> env = ApplicationServer.launchEnvironment(environment, httpPort);
        List<String> command = new ArrayList<>(posixShell());
        command.addAll(List.of(layout.payaraLauncher().toString(),
                layout.payaraMicroJar().toString(), layout.resourceAdapter().toString(), war.toString()));
        command.addAll(extraOptions);
        return ManagedProcess.start("Payara Micro", command, env, log.getParent(), log);
    }

    /**
     * BusyBox's sh where it is installed (the shell of the container image, which the test suite installs), so that
     * what the tests run is what the image runs; any POSIX sh otherwise (a machine with only a JDK).
     */
    static List<String> posixShell() {
        Path busybox = Path.of("/usr/bin/busybox");
        return Files.isExecutable(busybox) ? List.of(busybox.toString(), "sh") : List.of("sh");
    }
}
