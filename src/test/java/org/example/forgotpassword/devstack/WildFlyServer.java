package org.example.forgotpassword.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WildFly with the WAR, started exactly as an operator starts it: through {@code server-config/wildfly/launch.sh},
 * configured by environment variables only (the same ones as {@link PayaraMicroServer}).
 */
public final class WildFlyServer {

    private WildFlyServer() {
    }

    /**
     * @param environment the service's settings (ARTEMIS_URL, MAIL_SMTP_HOST, ...); HTTP_PORT is added here
     * @param war         the WAR to deploy, or none for a server that a test framework deploys to through the
     *                    management port ({@code WILDFLY_MANAGEMENT_PORT} in {@code environment})
     */
    public static ApplicationServer start(StackLayout layout, int httpPort, Map<String, String> environment,
                                          Optional<Path> war, Path log) {
        Map<String, String> env = ApplicationServer.launchEnvironment(environment, httpPort);
        env.putIfAbsent("WILDFLY_BASE_DIR", log.getParent().resolve("server").toString());
        env.put("JAVA_HOME", JavaCommand.home());
        List<String> command = new ArrayList<>(List.of("bash", layout.wildFlyLauncher().toString(),
                layout.wildFlyHome().toString()));
        war.ifPresent(file -> command.add(file.toString()));
        Instant launched = Instant.now();
        ManagedProcess process = ManagedProcess.start("WildFly", command, env, log.getParent(), log);
        process.awaitReady(() -> hasStarted(process) && Ports.listening(httpPort), Duration.ofSeconds(240));
        if (process.logContains("WFLYSRV0026")) {
            process.close();
            throw new IllegalStateException("WildFly started with errors (see " + log + ")\n" + process.logTail());
        }
        return new ApplicationServer("WildFly", httpPort, process, Duration.between(launched, Instant.now()));
    }

    /** "WFLYSRV0025: WildFly ... started in", or WFLYSRV0026 "started (with errors)". */
    private static boolean hasStarted(ManagedProcess process) {
        return process.logContains("WFLYSRV0025") || process.logContains("WFLYSRV0026");
    }
}
