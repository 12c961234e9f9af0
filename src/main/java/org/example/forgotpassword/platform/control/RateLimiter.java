package org.example.forgotpassword.platform.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.platform.entity.RateLimit;

/**
 * Fixed-window request counters, per key (e.g. {@code forgot/address/someone@example.com}). Held in memory: the
 * limits are per application instance and start afresh when it restarts (README, "Rate limits").
 */
@ApplicationScoped
public class RateLimiter {

    private static final int SWEEP_EVERY = 1024;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final Clock clock;

    public RateLimiter() {
        this(Clock.systemUTC());
    }

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts one request against {@code limit} for {@code key}; @throws ApiException 1429 when over it */
    public void acquire(String key, RateLimit limit) {
        Instant now = clock.instant();
        Window window = windows.compute(key, (k, current) ->
                current == null || current.hasEnded(now) ? new Window(now.plus(limit.window()), 1) : current.counted());
        if (window.count() > limit.requests()) {
            Duration retryAfter = Duration.between(now, window.end());
            throw new ApiException(ErrorCode.TOO_MANY_REQUESTS, retryAfter.isNegative() ? Duration.ZERO : retryAfter);
        }
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            windows.values().removeIf(w -> w.hasEnded(now));
        }
    }

    private record Window(Instant end, int count) {

        boolean hasEnded(Instant now) {
            return !now.isBefore(end);
        }

        Window counted() {
            return new Window(end, count + 1);
        }
    }
}
