package org.example.forgotpassword.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Readiness that tells the truth on WildFly: the WAR started through {@code server-config/wildfly/launch.sh}, as an
 * operator starts it, against the test run's broker and mail server. From launch on, the management port's
 * {@code /health/ready} (where WildFly serves readiness) and the application's own path on the HTTP port are
 * polled; readiness must never be up before the application answers. Runs in the failsafe execution "wildfly".
 */
class WildFlyReadinessIT {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    @AutoClose
    static ApplicationServer wildFly;
    @AutoClose
    static ReadinessTimeline timeline;

    @BeforeAll
    static void launchAndWatch() throws InterruptedException {
        StackLayout layout = StackLayout.fromSystemProperties();
        Path workDir = layout.stackDir().getParent().resolve("it-wildfly-readiness");
        int httpPort = Ports.free();
        int managementPort = Ports.free();
        Map<String, String> environment = new HashMap<>();
        environment.put("WILDFLY_MANAGEMENT_PORT", Integer.toString(managementPort));
        environment.put("DATA_DIR", workDir.resolve("data").toString());
        // the embedded database in DATA_DIR, not the one of the WildFly run's Arquillian tests
        environment.put("DB_URL", "");
        environment.put("DB_USER", "");
        environment.put("DB_PASSWORD", "");
        timeline = ReadinessTimeline.watch("http://" + Ports.LOOPBACK + ":" + managementPort + "/health/ready",
                "http://" + Ports.LOOPBACK + ":" + httpPort);
        wildFly = WildFlyServer.start(layout, httpPort, environment, Optional.of(layout.war()),
                workDir.resolve("wildfly.log"));
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (timeline.looks().stream().noneMatch(look -> look.ready() == 200) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        timeline.close();
        System.out.println("WILDFLY readiness from launch (management port " + managementPort + "):"
                + timeline.summary());
        System.out.printf("WILDFLY figures: started (WFLYSRV0025) after %.1f s, application answered after %s,"
                        + " ready after %s%n", wildFly.bootTime().toMillis() / 1000.0,
                firstSecond(look -> look.application() == 200), firstSecond(look -> look.ready() == 200));
    }

    @Test
    void readinessIsNeverUpBeforeTheApplicationAnswersItsOwnPaths() {
        List<ReadinessTimeline.Look> looks = timeline.looks();

        assertThat(looks).as("looks at the management port's /health/ready before the application answered")
                .noneMatch(ReadinessTimeline.Look::readyBeforeTheApplication);
        assertThat(looks).as("readiness came up").anyMatch(look -> look.ready() == 200);
    }

    private static String firstSecond(Predicate<ReadinessTimeline.Look> what) {
        return timeline.looks().stream().filter(what).findFirst()
                .map(look -> String.format("%.1f s", look.millis() / 1000.0)).orElse("never");
    }
}
