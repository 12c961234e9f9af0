package org.example.forgotpassword.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.example.forgotpassword.it.OpsMetrics;
import org.example.forgotpassword.platform.control.RateLimiterFixture;
import org.example.forgotpassword.platform.control.ServiceMetrics;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.platform.entity.RateLimit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    static final String RATE_LIMITED = "forgot_password_rate_limited_total";

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final RequestLimits limits = new RequestLimits();

    @BeforeEach
    void wire() {
        limits.rateLimiter = RateLimiterFixture.withItsOwnDatabase(registry);
        limits.clientAddress = new ClientAddress() {
            @Override
            public String get() {
                return "203.0.113.7";
            }
        };
        limits.registry = registry;
        RateLimit two = new RateLimit(2, Duration.ofMinutes(15));
        RateLimit many = new RateLimit(100, Duration.ofMinutes(15));
        limits.register(key -> switch (key) {
            case "rate-limit.forgot.per-address", "rate-limit.reset.per-token" -> two;
            default -> many;
        });
    }

    long refused(String limit) {
        return OpsMetrics.sample(registry.scrape(ServiceMetrics.MEDIA_TYPE), RATE_LIMITED, "limit=\"" + limit + "\"")
                .orElseThrow(() -> new AssertionError(limit + " not exported"));
    }

    @Test
    void everyLimitIsExportedAtZeroBeforeAnythingWasRefused() {
        List<String> limitNames = Arrays.stream(RequestLimits.Limit.values()).map(limit -> limit.limitName).toList();
        for (String limit : limitNames) {
            assertThat(refused(limit)).as(limit).isZero();
        }
        assertThat(limitNames).contains("forgot/address", "forgot/client", "login/address",
                "login/client", "reset/token", "reset/client", "accounts/client");
    }

    @Test
    void aRefusalIsCountedUnderTheLimitThatRefused() {
        limits.forgot("someone@example.com");
        limits.forgot("someone@example.com");

        assertThatThrownBy(() -> limits.forgot("someone@example.com")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).errorCode()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
        assertThatThrownBy(() -> limits.forgot("someone@example.com")).isInstanceOf(ApiException.class);

        assertThat(refused("forgot/address")).isEqualTo(2);
        assertThat(refused("forgot/client")).isZero();
        assertThat(refused("reset/token")).isZero();
    }

    @Test
    void eachLimitHasItsOwnCount() {
        limits.reset("hash");
        limits.reset("hash");

        assertThatThrownBy(() -> limits.reset("hash")).isInstanceOf(ApiException.class);

        assertThat(refused("reset/token")).isEqualTo(1);
        assertThat(refused("forgot/address")).isZero();
    }
}
