package org.example.forgotpassword.platform.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
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

    /** One request to count against {@code limit} for {@code subject}, under the limit's {@code name}. */
    public record Count(String name, String subject, RateLimit limit) {
    }

    /** The count that refused a request, and how long until its window ends. */
    public record Refusal(Count count, Duration retryAfter) {

        public ApiException toApiException() {
            return new ApiException(ErrorCode.TOO_MANY_REQUESTS, retryAfter);
        }
    }

    /**
     * Counts one request against {@code limit} for {@code subject} under the limit's {@code name}.
     *
     * @throws ApiException 1429, with the time left in the window, when over the limit
     */
    public void acquire(String name, String subject, RateLimit limit) {
        Optional<Refusal> refused = count(List.of(new Count(name, subject, limit)));
        if (refused.isPresent()) {
            throw refused.get().toApiException();
        }
    }

    /**
     * Counts one request against each limit in turn, all in one visit to the database, up to the first that
     * refuses it: the limits after that one do not count it.
     */
    public Optional<Refusal> count(List<Count> counts) {
        long now = clock.millis();
        List<SharedWindows.Window> windows = counts.stream()
                .map(count -> new SharedWindows.Window(key(count.name(), count.subject()), count.limit()))
                .toList();
        List<WindowCount> counted = count(windows, now);
        for (int i = 0; i < counted.size(); i++) {
            if (!counted.get(i).withinLimit()) {
                return Optional.of(new Refusal(counts.get(i),
                        Duration.ofMillis(Math.max(0, counted.get(i).windowEndMillis() - now))));
            }
        }
        return Optional.empty();
    }

    private List<WindowCount> count(List<SharedWindows.Window> windows, long now) {
        if (now >= databaseAgainAt.get()) {
            try {
                List<WindowCount> counted = shared.count(windows, now);
                if (countingLocally.compareAndSet(true, false)) {
                    LOG.info("Rate limits are counted in the database again");
                }
                return counted;
            } catch (SQLException | RuntimeException failed) {
                databaseFailed(now, failed);
            }
        }
        List<WindowCount> counted = new ArrayList<>(windows.size());
        for (SharedWindows.Window window : windows) {
            localCounts.increment();
            WindowCount count = local.count(window.key(), window.limit(), now);
            counted.add(count);
            if (!count.withinLimit()) {
                break;
            }
        }
        return counted;
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
