package org.example.forgotpassword.platform.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.example.forgotpassword.platform.entity.RateLimit;

/**
 * Fixed windows in this instance's memory: what the {@link RateLimiter} counts with while the database does not
 * answer. Per instance, and forgotten at a restart.
 */
final class LocalWindows {

    private static final int SWEEP_EVERY = 1024;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    WindowCount count(String key, RateLimit limit, long now) {
        Window window = windows.compute(key, (k, current) -> current == null || current.hasEnded(now)
                ? new Window(now + limit.window().toMillis(), 1) : current.counted());
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            windows.values().removeIf(w -> w.hasEnded(now));
        }
        return window.hits() > limit.requests() ? WindowCount.fullUntil(window.end()) : WindowCount.WITHIN_LIMIT;
    }

    private record Window(long end, int hits) {

        boolean hasEnded(long now) {
            return now >= end;
        }

        Window counted() {
            return new Window(end, hits + 1);
        }
    }
}
