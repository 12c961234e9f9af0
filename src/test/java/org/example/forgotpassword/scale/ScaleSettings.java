package org.example.forgotpassword.scale;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.example.forgotpassword.devstack.PostgresServer;
import org.example.forgotpassword.devstack.StackLayout;
import org.example.forgotpassword.it.load.InstanceSettings;

/** Settings shared by the scale tests: how many requests, where their files go, how an instance is configured. */
final class ScaleSettings {

    static final String BROKER_USER = "scale-user";
    static final String BROKER_PASSWORD = "scale-password";

    private ScaleSettings() {
    }

    /** Accepted requests per fault test: {@code -Dscale.requests=N} (at least 200 for the figures in the README). */
    static int requests() {
        return Integer.getInteger("scale.requests", 200);
    }

    /** How long without a new mail, once the service holds no work that could send one, before the rest are lost. */
    static Duration quiet() {
        return Duration.ofSeconds(Integer.getInteger("scale.quiet-seconds", 30));
    }

    /**
     * How long without a new mail while the service still holds work that can become one (a request waiting for its
     * redelivery, at most 300 s by broker.properties; an outbox row waiting for the sweeper).
     */
    static Duration settleLimit() {
        return Duration.ofSeconds(Integer.getInteger("scale.settle-limit-seconds", 300));
    }

    static Path workDir(StackLayout layout, String test) {
        return InstanceSettings.workDir(layout, "scale-it", test);
    }

    static Map<String, String> instance(String artemisUrl, PostgresServer database, int smtpPort) {
        return InstanceSettings.environment(artemisUrl, BROKER_USER, BROKER_PASSWORD, database, smtpPort);
    }
}
