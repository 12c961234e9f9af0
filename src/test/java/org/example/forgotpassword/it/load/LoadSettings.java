package org.example.forgotpassword.it.load;

import java.time.Duration;

/**
 * The knobs of a suite of load tests (the fault suite, the scale tests), as system properties under the suite's
 * prefix: pom.xml passes {@code -Dfaults.*} and {@code -Dscale.*} through. The ones every suite has are methods;
 * a suite names its own with {@link #number} and {@link #seconds}.
 */
public record LoadSettings(String prefix) {

    /** Accepted requests per test: {@code -D<prefix>.requests=N} (at least 200 for the figures in the docs). */
    public int requests() {
        return number("requests", 200);
    }

    /** Concurrent clients of the load. */
    public int clients() {
        return number("clients", 4);
    }

    /**
     * How long to wait for the next mail, once the service holds no work that could still send it, before the missing
     * ones count as lost.
     */
    public Duration quiet() {
        return seconds("quiet", 30);
    }

    /**
     * How long to wait for the next mail while the service still holds work that can become one: a request far up
     * the redelivery back-off (broker.properties caps a delay at 300 s), an outbox row waiting for its lease to pass.
     */
    public Duration settleLimit() {
        return seconds("settle-limit", 300);
    }

    /** {@code -D<prefix>.<name>=N}. */
    public int number(String name, int fallback) {
        return Integer.getInteger(prefix + "." + name, fallback);
    }

    /** {@code -D<prefix>.<name>-seconds=N}. */
    public Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(number(name + "-seconds", fallback));
    }
}
