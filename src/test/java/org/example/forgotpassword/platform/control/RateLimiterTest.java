package org.example.forgotpassword.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.platform.entity.RateLimit;
import org.junit.jupiter.api.Test;

/** Fixed windows per key: how many requests pass, when the window starts afresh, and what the refusal says. */
class RateLimiterTest {

    static final RateLimit THREE_PER_QUARTER = new RateLimit(3, Duration.ofMinutes(15));

    final MovableClock clock = new MovableClock();
    final RateLimiter limiter = new RateLimiter(clock);

    @Test
    void theLimitPassesAndTheNextRequestIsRefusedWithTheTimeLeftInTheWindow() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("forgot/address/a@example.com", THREE_PER_QUARTER);
        }
        clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> limiter.acquire("forgot/address/a@example.com", THREE_PER_QUARTER))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.errorCode()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
                    assertThat(refused.retryAfter()).contains(Duration.ofMinutes(10));
                });
    }

    @Test
    void aNewWindowStartsWhenTheOldOneHasEnded() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("k", THREE_PER_QUARTER);
        }
        clock.advance(Duration.ofMinutes(15));

        limiter.acquire("k", THREE_PER_QUARTER);
    }

    @Test
    void keysAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("forgot/address/a@example.com", THREE_PER_QUARTER);
        }

        limiter.acquire("forgot/address/b@example.com", THREE_PER_QUARTER);
    }

    @Test
    void refusedRequestsCountToo() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("k", THREE_PER_QUARTER);
        }
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> limiter.acquire("k", THREE_PER_QUARTER)).isInstanceOf(ApiException.class);
            clock.advance(Duration.ofMinutes(2));
        }

        assertThatThrownBy(() -> limiter.acquire("k", THREE_PER_QUARTER)).isInstanceOf(ApiException.class);
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
