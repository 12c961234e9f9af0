package org.example.forgotpassword.reset.entity;

import java.time.Duration;
import java.util.Locale;

import org.example.forgotpassword.account.entity.EmailAddress;

/**
 * A reset token just issued for an account, with what its mail needs: the account's address and language, and how
 * long the token works. The token itself exists only here and in the mail; {@link #toString()} leaves it out, so it
 * cannot reach a log.
 */
public record IssuedToken(EmailAddress email, Locale locale, String token, Duration validFor) {

    @Override
    public String toString() {
        return "IssuedToken[email=" + email + ", locale=" + locale + ", validFor=" + validFor + "]";
    }
}
