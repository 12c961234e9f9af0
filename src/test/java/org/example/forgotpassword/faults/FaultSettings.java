package org.example.forgotpassword.faults;

import java.time.Duration;

/** The fault suite's knobs, as system properties (pom.xml passes {@code -Dfaults.*} through). */
final class FaultSettings {

    private FaultSettings() {
    }

    /** Accepted requests per scenario: {@code -Dfaults.requests=N} (the issue asks for at least 200). */
    static int requests() {
        return Integer.getInteger("faults.requests", 200);
    }

    /** Concurrent clients of the load. */
    static int clients() {
        return Integer.getInteger("faults.clients", 4);
    }

    /** How long the mail server stays down in the "SMTP down" scenario. */
    static Duration smtpDown() {
        return Duration.ofSeconds(Integer.getInteger("faults.smtp-down-seconds", 15));
    }

    /** How long the broker stays stopped in the "broker outage" scenario. */
    static Duration brokerDown() {
        return Duration.ofSeconds(Integer.getInteger("faults.broker-down-seconds", 10));
    }

    /** How long a supervisor waits after SIGTERM before it kills the application (Kubernetes' default: 30 s). */
    static Duration stopGrace() {
        return Duration.ofSeconds(Integer.getInteger("faults.stop-grace-seconds", 30));
    }

    /**
     * How long to wait for the next mail, once the service holds no work that could still send it, before the missing
     * ones count as lost.
     */
    static Duration quiet() {
        return Duration.ofSeconds(Integer.getInteger("faults.quiet-seconds", 30));
    }

    /**
     * How long to wait for the next mail while the service still holds work that can become one: a request far up
     * the redelivery back-off (broker.properties caps a delay at 300 s), an outbox row waiting for its lease to pass.
     */
    static Duration settleLimit() {
        return Duration.ofSeconds(Integer.getInteger("faults.settle-limit-seconds", 300));
    }

    /** Accepted requests of the stream that the application is killed three times in: at least 300. */
    static int repeatedKillRequests() {
        return Math.max(300, Integer.getInteger("faults.repeated-kill-requests", 300));
    }
}
