package org.example.forgotpassword.platform.boundary;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.eclipse.microprofile.config.Config;
import org.example.forgotpassword.platform.control.RateLimiter;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.RateLimit;

/**
 * Every rate limit of the API in one place: per client address and per account-like key (address, token), as
 * configured by the {@code rate-limit.*} keys. Each method counts the current request and throws
 * {@link ApiException} 1429 when a limit is reached. Unknown addresses are limited exactly like known ones. The
 * counts are shared by every instance ({@link RateLimiter}).
 * The refusals are counted by the limit that refused them since the instance started,
 * {@code forgot_password_rate_limited_total{limit="forgot/address"}} and so on.
 */
@ApplicationScoped
public class RequestLimits {

    /** Each limit: its name (in the counts and the metric's {@code limit} tag) and the key that configures it. */
    enum Limit {
        FORGOT_PER_CLIENT("forgot/client", "rate-limit.forgot.per-client"),
        FORGOT_PER_ADDRESS("forgot/address", "rate-limit.forgot.per-address"),
        LOGIN_PER_CLIENT("login/client", "rate-limit.login.per-client"),
        LOGIN_PER_ADDRESS("login/address", "rate-limit.login.per-address"),
        RESET_PER_CLIENT("reset/client", "rate-limit.reset.per-client"),
        RESET_PER_TOKEN("reset/token", "rate-limit.reset.per-token"),
        ACCOUNTS_PER_CLIENT("accounts/client", "rate-limit.accounts.per-client");

        final String limitName;
        final String key;

        Limit(String limitName, String key) {
            this.limitName = limitName;
            this.key = key;
        }
    }

    @Inject
    RateLimiter rateLimiter;

    @Inject
    ClientAddress clientAddress;

    @Inject
    MeterRegistry registry;

    /** Read once at the start; the shipped defaults are in microprofile-config.properties. */
    @Inject
    Config config;

    private final Map<Limit, RateLimit> configured = new EnumMap<>(Limit.class);
    private final Map<String, Counter> refusals = new HashMap<>();

    @PostConstruct
    void register() {
        register(key -> config.getValue(key, RateLimit.class));
    }

    /** @param byKey the limit each {@code rate-limit.*} key is set to */
    void register(Function<String, RateLimit> byKey) {
        for (Limit limit : Limit.values()) {
            configured.put(limit, byKey.apply(limit.key));
            refusals.put(limit.limitName, Counter.builder("forgot.password.rate.limited")
                    .description("Requests answered 429 (code 1429), by the rate limit that refused them")
                    .tag("limit", limit.limitName).register(registry));
        }
    }

    /** Created with the application, so that the counters are exported at 0 before anything was refused. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating the bean registered them
    }

    /** @param canonicalAddress the address as an account identity (lower case) */
    public void forgot(String canonicalAddress) {
        acquire(count(Limit.FORGOT_PER_CLIENT, clientAddress.get()), count(Limit.FORGOT_PER_ADDRESS, canonicalAddress));
    }

    public void login(String canonicalAddress) {
        acquire(count(Limit.LOGIN_PER_CLIENT, clientAddress.get()), count(Limit.LOGIN_PER_ADDRESS, canonicalAddress));
    }

    /** @param tokenHash the token's hash, or {@code null} for a malformed token (then only the client counts) */
    public void reset(String tokenHash) {
        if (tokenHash == null) {
            acquire(count(Limit.RESET_PER_CLIENT, clientAddress.get()));
        } else {
            acquire(count(Limit.RESET_PER_CLIENT, clientAddress.get()), count(Limit.RESET_PER_TOKEN, tokenHash));
        }
    }

    public void accountCreation() {
        acquire(count(Limit.ACCOUNTS_PER_CLIENT, clientAddress.get()));
    }

    private RateLimiter.Count count(Limit limit, String subject) {
        return new RateLimiter.Count(limit.limitName, subject, configured.get(limit));
    }

    /** Counts the request against each limit, in one visit to the database, the client's first. */
    private void acquire(RateLimiter.Count... counts) {
        Optional<RateLimiter.Refusal> refused = rateLimiter.count(List.of(counts));
        if (refused.isPresent()) {
            refusals.get(refused.get().count().name()).increment();
            throw refused.get().toApiException();
        }
    }
}
