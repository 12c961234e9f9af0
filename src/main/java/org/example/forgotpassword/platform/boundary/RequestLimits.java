package org.example.forgotpassword.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.platform.control.RateLimiter;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.RateLimit;

/**
 * Every rate limit of the API in one place: per client address and per account-like key (address, token), as
 * configured by the {@code rate-limit.*} keys. Each method counts the current request and throws
 * {@link ApiException} 1429 when a limit is reached. Unknown addresses are limited exactly like known ones.
 */
@ApplicationScoped
public class RequestLimits {

    @Inject
    RateLimiter rateLimiter;

    @Inject
    ClientAddress clientAddress;

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

    /** @param canonicalAddress the address as an account identity (lower case) */
    public void forgot(String canonicalAddress) {
        rateLimiter.acquire("forgot/client/" + clientAddress.get(), forgotPerClient);
        rateLimiter.acquire("forgot/address/" + canonicalAddress, forgotPerAddress);
    }

    public void login(String canonicalAddress) {
        rateLimiter.acquire("login/client/" + clientAddress.get(), loginPerClient);
        rateLimiter.acquire("login/address/" + canonicalAddress, loginPerAddress);
    }

    /** @param tokenHash the token's hash, or {@code null} for a malformed token (then only the client counts) */
    public void reset(String tokenHash) {
        rateLimiter.acquire("reset/client/" + clientAddress.get(), resetPerClient);
        if (tokenHash != null) {
            rateLimiter.acquire("reset/token/" + tokenHash, resetPerToken);
        }
    }

    public void accountCreation() {
        rateLimiter.acquire("accounts/client/" + clientAddress.get(), accountsPerClient);
    }
}
