package org.example.forgotpassword.reset.entity;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.example.forgotpassword.account.entity.EmailAddress;

/**
 * A user's "I forgot my password" request as it travels from the HTTP thread to the consumer. Its id ties the
 * log lines of both sides together.
 */
public record ResetRequest(String requestId, EmailAddress email, Locale locale, Instant requestedAt) {

    public static ResetRequest of(EmailAddress email, Locale locale) {
        return new ResetRequest(UUID.randomUUID().toString(), email, locale, Instant.now());
    }
}
