package org.example.forgotpassword.platform.boundary;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    static final String FORGOT_PER_CLIENT = "forgot/client";
    static final String FORGOT_PER_ADDRESS = "forgot/address";
    static final String LOGIN_PER_CLIENT = "login/client";
    static final String LOGIN_PER_ADDRESS = "login/address";
    static final String RESET_PER_CLIENT = "reset/client";
    static final String RESET_PER_TOKEN = "reset/token";
    static final String ACCOUNTS_PER_CLIENT = "accounts/client";
    static final List<String> LIMITS = List.of(FORGOT_PER_CLIENT, FORGOT_PER_ADDRESS, LOGIN_PER_CLIENT,
            LOGIN_PER_ADDRESS, RESET_PER_CLIENT, RESET_PER_TOKEN, ACCOUNTS_PER_CLIENT);

    @Inject
    RateLimiter rateLimiter;

    @Inject
    ClientAddress clientAddress;

    @Inject
    MeterRegistry registry;

    @Inject
    @ConfigProperty(name = "rate-limit.forgot.per-address", defaultValue = "3/PT15M")
    RateLimit forgotPerAddress;

    @Inject
    @ConfigProperty(name = "rate-limit.forgot.per-client", defaultValue = "20/PT15M")
    RateLimit forgotPerClient;

    @Inject
    @ConfigProperty(name = "rate-limit.login.per-address", defaultValue = "10/PT15M")
    RateLimit loginPerAddress;

    @Inject
    @ConfigProperty(name = "rate-limit.login.per-client", defaultValue = "50/PT15M")
    RateLimit loginPerClient;

    @Inject
    @ConfigProperty(name = "rate-limit.reset.per-token", defaultValue = "5/PT15M")
    RateLimit resetPerToken;

    @Inject
    @ConfigProperty(name = "rate-limit.reset.per-client", defaultValue = "20/PT15M")
    RateLimit resetPerClient;

    @Inject
    @ConfigProperty(name = "rate-limit.accounts.per-client", defaultValue = "20/PT1H")
    RateLimit accountsPerClient;

    private Map<String, Counter> refusals;

    @PostConstruct
    void register() {
        refusals = LIMITS.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                limit -> Counter.builder("forgot.password.rate.limited")
                        .description("Requests answered 429 (code 1429), by the rate limit that refused them")
                        .tag("limit", limit).register(registry)));
    }

    /** Created with the application, so that the counters are exported at 0 before anything was refused. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating the bean registered them
    }

    /** @param canonicalAddress the address as an account identity (lower case) */
    public void forgot(String canonicalAddress) {
        acquire(FORGOT_PER_CLIENT, clientAddress.get(), forgotPerClient);
        acquire(FORGOT_PER_ADDRESS, canonicalAddress, forgotPerAddress);
    }

    public void login(String canonicalAddress) {
        acquire(LOGIN_PER_CLIENT, clientAddress.get(), loginPerClient);
        acquire(LOGIN_PER_ADDRESS, canonicalAddress, loginPerAddress);
    }

    /** @param tokenHash the token's hash, or {@code null} for a malformed token (then only the client counts) */
    public void reset(String tokenHash) {
        acquire(RESET_PER_CLIENT, clientAddress.get(), resetPerClient);
        if (tokenHash != null) {
            acquire(RESET_PER_TOKEN, tokenHash, resetPerToken);
        }
    }

    public void accountCreation() {
        acquire(ACCOUNTS_PER_CLIENT, clientAddress.get(), accountsPerClient);
    }

    /** Counts the request against the limit for this client, address or token. */
    private void acquire(String limit, String subject, RateLimit rateLimit) {
        try {
            rateLimiter.acquire(limit, subject, rateLimit);
        } catch (ApiException refused) {
            refusals.get(limit).increment();
            throw refused;
        }
    }
}
