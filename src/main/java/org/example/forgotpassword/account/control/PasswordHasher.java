package org.example.forgotpassword.account.control;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashes with Jakarta Security's PBKDF2 (PBKDF2-HMAC-SHA256, 16-byte random salt, 32-byte key). The
 * iteration count defaults to OWASP's current recommendation for this function, 600 000. The stored string
 * carries algorithm, iterations and salt, so raising the count later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "password.hash.iterations", defaultValue = "600000")
    int iterations;

    /** Verified when no account matches, so that a login for an unknown address costs the same time. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash("decoy password for unknown accounts");
    }

    public String hash(String password) {
        return pbkdf2.generate(PasswordPolicy.normalize(password).toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return pbkdf2.verify(PasswordPolicy.normalize(password).toCharArray(), storedHash);
    }

    /** Spends the time of a verification without an account to verify against. */
    public void matchDecoy(String password) {
        pbkdf2.verify(PasswordPolicy.normalize(password).toCharArray(), decoy);
    }
}
