package org.example.forgotpassword.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.platform.entity.RateLimit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fixed windows per key: how many requests pass, when the window starts afresh, and what the refusal says; the
 * same whether the shared database counts or, while it cannot be reached, this instance's memory. And how the
 * limiter falls back to its memory and comes back to the database.
 */
class RateLimiterTest {

    static final RateLimit THREE_PER_QUARTER = new RateLimit(3, Duration.ofMinutes(15));
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(30);

    /** Who counts. */
    enum Counting { SHARED_DATABASE, MEMORY_WHILE_THE_DATABASE_IS_UNREACHABLE }

    final MovableClock clock = new MovableClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final WindowsDatabase database = new WindowsDatabase();
    final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    final Handler warningsHandler = new Handler() {
        @Override
        public void publish(LogRecord logged) {
            if (logged.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(logged);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    RateLimiter limiter;

    @BeforeEach
    void listenToWarnings() {
        Logger.getLogger(RateLimiter.class.getName()).addHandler(warningsHandler);
        limiter = limiter(database.dataSource);
    }

    @AfterEach
    void shutDown() throws SQLException {
        Logger.getLogger(RateLimiter.class.getName()).removeHandler(warningsHandler);
        database.shutDown();
    }

    RateLimiter limiter(DataSource dataSource) {
        RateLimiter rateLimiter = new RateLimiter(clock);
        rateLimiter.shared = WindowsDatabase.windows(dataSource);
        rateLimiter.registry = registry;
        rateLimiter.retryInterval = RETRY_INTERVAL;
        rateLimiter.register();
        return rateLimiter;
    }

    RateLimiter counting(Counting counting) {
        return counting == Counting.SHARED_DATABASE ? limiter : limiter(WindowsDatabase.unreachable());
    }

    /** Takes the three requests {@link #THREE_PER_QUARTER} allows a subject in the current window. */
    static void useUp(RateLimiter limiter, String limit, String subject) {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(limit, subject, THREE_PER_QUARTER);
        }
    }

    double localCounts() {
        return registry.counter(RateLimiter.LOCAL_COUNTS).count();
    }

    /** What holds whoever counts. */
    @Nested
    @ParameterizedClass(name = "{0}")
    @EnumSource(Counting.class)
    class WhoeverCounts {

        @Parameter
        Counting counting;

        RateLimiter limiter;

        @BeforeEach
        void pickTheCounter() {
            limiter = counting(counting);
        }

        @Test
        void theLimitPassesAndTheNextRequestIsRefusedWithTheTimeLeftInTheWindow() {
            useUp(limiter, "forgot/address", "a@example.com");
            clock.advance(Duration.ofMinutes(5));

            assertThatThrownBy(() -> limiter.acquire("forgot/address", "a@example.com", THREE_PER_QUARTER))
                    .isInstanceOfSatisfying(ApiException.class, refused -> {
                        assertThat(refused.errorCode()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
                        assertThat(refused.retryAfter()).contains(Duration.ofMinutes(10));
                    });
        }

        @Test
        void aNewWindowStartsWhenTheOldOneHasEnded() {
            useUp(limiter, "limit", "k");
            clock.advance(Duration.ofMinutes(15));

            useUp(limiter, "limit", "k");
            assertThatThrownBy(() -> limiter.acquire("limit", "k", THREE_PER_QUARTER)).isInstanceOf(ApiException.class);
        }

        @Test
        void subjectsAndLimitsAreCountedApart() {
            useUp(limiter, "forgot/address", "a@example.com");

            assertThatCode(() -> {
                limiter.acquire("forgot/address", "b@example.com", THREE_PER_QUARTER);
                limiter.acquire("login/address", "a@example.com", THREE_PER_QUARTER);
            }).doesNotThrowAnyException();
        }

        @Test
        void refusalsGoOnUntilTheWindowEnds() {
            useUp(limiter, "limit", "k");
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> limiter.acquire("limit", "k", THREE_PER_QUARTER))
                        .isInstanceOf(ApiException.class);
                clock.advance(Duration.ofMinutes(2));
            }

            assertThatThrownBy(() -> limiter.acquire("limit", "k", THREE_PER_QUARTER)).isInstanceOf(ApiException.class);
        }

        @Test
        void aRequestWithinEveryLimitIsCountedByEach() {
            assertThat(limiter.count(List.of(clientCount("203.0.113.7"), addressCount("a@example.com")))).isEmpty();

            useUpAfterOne(limiter, "forgot/client", "203.0.113.7");
            useUpAfterOne(limiter, "forgot/address", "a@example.com");
        }

        @Test
        void theFirstLimitThatRefusesSaysWhichAndTheLimitsAfterItDoNotCountTheRequest() {
            useUp(limiter, "forgot/client", "203.0.113.7");

            assertThat(limiter.count(List.of(clientCount("203.0.113.7"), addressCount("a@example.com"))))
                    .hasValueSatisfying(refusal -> {
                        assertThat(refusal.count()).isEqualTo(clientCount("203.0.113.7"));
                        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMinutes(15));
                    });
            useUp(limiter, "forgot/address", "a@example.com");
        }

        @Test
        void aLaterLimitRefusesAfterTheEarlierOnesCounted() {
            useUp(limiter, "forgot/address", "a@example.com");

            assertThat(limiter.count(List.of(clientCount("203.0.113.7"), addressCount("a@example.com"))))
                    .hasValueSatisfying(refusal -> assertThat(refusal.count().name()).isEqualTo("forgot/address"));
            useUpAfterOne(limiter, "forgot/client", "203.0.113.7");
        }
    }

    static RateLimiter.Count clientCount(String client) {
        return new RateLimiter.Count("forgot/client", client, THREE_PER_QUARTER);
    }

    static RateLimiter.Count addressCount(String address) {
        return new RateLimiter.Count("forgot/address", address, THREE_PER_QUARTER);
    }

    /** Takes the two requests left of the three, then finds the limit reached: one was counted before. */
    static void useUpAfterOne(RateLimiter limiter, String limit, String subject) {
        limiter.acquire(limit, subject, THREE_PER_QUARTER);
        limiter.acquire(limit, subject, THREE_PER_QUARTER);
        assertThatThrownBy(() -> limiter.acquire(limit, subject, THREE_PER_QUARTER)).isInstanceOf(ApiException.class);
    }

    @Test
    void allTheLimitsOfARequestAreCountedOverOneConnection() {
        CountingDataSource pool = new CountingDataSource(database.dataSource);
        RateLimiter limiter = limiter(pool);

        limiter.count(List.of(clientCount("203.0.113.7"), addressCount("a@example.com")));

        assertThat(pool.connections).isEqualTo(1);
        assertThat(localCounts()).isZero();
    }

    @Test
    void theDatabaseCountsSoTheLimitHoldsForAnotherInstanceAndAfterARestart() {
        RateLimiter otherInstance = limiter(database.dataSource);
        limiter.acquire("forgot/address", "a@example.com", THREE_PER_QUARTER);
        otherInstance.acquire("forgot/address", "a@example.com", THREE_PER_QUARTER);
        limiter.acquire("forgot/address", "a@example.com", THREE_PER_QUARTER);

        assertThatThrownBy(() -> otherInstance.acquire("forgot/address", "a@example.com", THREE_PER_QUARTER))
                .isInstanceOf(ApiException.class);
        RateLimiter restarted = limiter(database.dataSource);
        assertThatThrownBy(() -> restarted.acquire("forgot/address", "a@example.com", THREE_PER_QUARTER))
                .isInstanceOf(ApiException.class);
        assertThat(localCounts()).isZero();
    }

    @Test
    void theDatabaseHoldsTheLimitsNameAndTheSubjectsHashNeverTheSubject() throws SQLException {
        limiter.acquire("forgot/address", "someone@example.com", THREE_PER_QUARTER);
        limiter.acquire("forgot/client", "203.0.113.7", THREE_PER_QUARTER);

        // base64url of SHA-256("someone@example.com") and of SHA-256("203.0.113.7")
        assertThat(database.keys()).containsExactly("forgot/address:ckl_R15PdtCyj1fHOghOzldtFwh066PuJgnZr-S3Gqs",
                "forgot/client:_sUlZaoM8Y9X189bOscoUDuJktLW99RtodEgEJCQKwI");
        assertThat(String.join(" ", database.keys())).doesNotContain("someone", "example", "203.0");
    }

    @Test
    void anUnreachableDatabaseIsWarnedOfOncePerIntervalAndEveryLocalCountIsCounted() {
        RateLimiter limiter = limiter(WindowsDatabase.unreachable());
        for (int i = 0; i < 5; i++) {
            limiter.acquire("limit", "k" + i, THREE_PER_QUARTER);
        }
        assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
                .contains("counted by this instance alone");
        clock.advance(RETRY_INTERVAL);

        limiter.acquire("limit", "k", THREE_PER_QUARTER);

        assertThat(warnings).as("asked again after the interval, and warned again").hasSize(2);
        assertThat(localCounts()).isEqualTo(6);
    }

    @Test
    void afterTheRetryIntervalTheDatabaseCountsAgain() {
        SharedWindows windows = limiter.shared;
        windows.dataSource = WindowsDatabase.unreachable();
        limiter.acquire("forgot/address", "a@example.com", THREE_PER_QUARTER);
        windows.dataSource = database.dataSource;
        limiter.acquire("forgot/address", "a@example.com", THREE_PER_QUARTER);
        assertThat(localCounts()).as("within the interval: memory").isEqualTo(2);
        clock.advance(RETRY_INTERVAL);

        useUp(limiter, "forgot/address", "a@example.com");

        assertThat(localCounts()).isEqualTo(2);
        assertThatThrownBy(() -> limiter(database.dataSource).acquire("forgot/address", "a@example.com",
                THREE_PER_QUARTER)).as("counted in the database").isInstanceOf(ApiException.class);
    }

    /** The database's data source, counting how often a connection is taken from it. */
    static final class CountingDataSource implements DataSource {

        private final DataSource database;
        int connections;

        CountingDataSource(DataSource database) {
            this.database = database;
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections++;
            return database.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            connections++;
            return database.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return database.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            database.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            database.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return database.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return database.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return database.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return database.isWrapperFor(type);
        }
    }

    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
