package org.example.forgotpassword.platform.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.platform.entity.RateLimit;

/**
 * Fixed-window request counters per limit and subject, counted in the shared database ({@link SharedWindows}) so
 * that a limit holds across instances and restarts. The key is the limit's name and the SHA-256 of the subject,
 * never the subject. When the database fails to count, this instance counts in its own memory for
 * {@code rate-limit.database.retry-interval} before it asks the database again: a warning once per interval, and
 * {@code forgot_password_rate_limit_local_counts_total} counts every request counted so (docs/adr/0005).
 */
@ApplicationScoped
public class RateLimiter {

    static final String LOCAL_COUNTS = "forgot.password.rate.limit.local.counts";

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final Base64.Encoder KEY_ENCODING = Base64.getUrlEncoder().withoutPadding();

    @Inject
    SharedWindows shared;

    @Inject
    MeterRegistry registry;

    @Inject
    @ConfigProperty(name = "rate-limit.database.retry-interval")
    Duration retryInterval;

    private final LocalWindows local = new LocalWindows();
    private final AtomicLong databaseAgainAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicBoolean countingLocally = new AtomicBoolean();
    private final Clock clock;
    private Counter localCounts;

    public RateLimiter() {
        this(Clock.systemUTC());
    }

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    @PostConstruct
    void register() {
        localCounts = Counter.builder(LOCAL_COUNTS)
                .description("Rate-limit counts made in this instance's memory because the database did not count")
                .register(registry);
    }

    /**
     * Counts one request against {@code limit} for {@code subject} under the limit's {@code name}.
     *
     * @throws ApiException 1429, with the time left in the window, when over the limit
     */
    public void acquire(String name, String subject, RateLimit limit) {
        long now = clock.millis();
        WindowCount counted = count(key(name, subject), limit, now);
        if (!counted.withinLimit()) {
            throw new ApiException(ErrorCode.TOO_MANY_REQUESTS,
                    Duration.ofMillis(Math.max(0, counted.windowEndMillis() - now)));
        }
    }

    private WindowCount count(String key, RateLimit limit, long now) {
        if (now >= databaseAgainAt.get()) {
            try {
                WindowCount counted = shared.count(key, limit, now);
                if (countingLocally.compareAndSet(true, false)) {
                    LOG.info("Rate limits are counted in the database again");
                }
                return counted;
            } catch (SQLException | RuntimeException failed) {
                databaseFailed(now, failed);
            }
        }
        localCounts.increment();
        return local.count(key, limit, now);
    }

    private void databaseFailed(long now, Exception failure) {
        long previous = databaseAgainAt.get();
        if (now >= previous && databaseAgainAt.compareAndSet(previous, now + retryInterval.toMillis())) {
            countingLocally.set(true);
            LOG.log(Level.WARNING, "Rate limits are counted by this instance alone for the next {0}: the database"
                    + " did not count ({1}: {2})", new Object[] {retryInterval, failure.getClass().getName(),
                    failure.getMessage()});
        }
    }

    /** The limit's name and the subject's SHA-256: the database holds no address, client address or token hash. */
    static String key(String name, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return name + ":" + KEY_ENCODING.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
