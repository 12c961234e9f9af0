package org.example.forgotpassword.platform.control;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

/** A {@link RateLimiter} for the tests of other packages, counting in a fresh H2 database of its own. */
public final class RateLimiterFixture {

    private RateLimiterFixture() {
    }

    public static RateLimiter withItsOwnDatabase(MeterRegistry registry) {
        RateLimiter limiter = new RateLimiter();
        limiter.shared = new WindowsDatabase().windows();
        limiter.registry = registry;
        limiter.retryInterval = Duration.ofSeconds(30);
        limiter.register();
        return limiter;
    }
}
