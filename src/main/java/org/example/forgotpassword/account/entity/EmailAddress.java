package org.example.forgotpassword.account.entity;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A syntactically valid mail address, safe to put into a mail header. Accepts what a browser's
 * {@code <input type="email">} accepts (the WHATWG rule), within the limits of RFC 5321 (254 characters in all,
 * 64 before the {@code @}). Control characters are refused outright rather than trimmed: CR/LF in an address is
 * an attempt at header injection, not a typing slip. Surrounding spaces are forgiven. The domain is lower-cased.
 *
 * <p>{@link #toString()} gives the masked form, so an address that slips into a log line is masked there too.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final Pattern WHATWG_EMAIL = Pattern.compile(
            "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
                    + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

    private final String value;

    private EmailAddress(String value) {
        this.value = value;
    }

    /** @throws InvalidEmailAddressException when {@code raw} is missing or not an acceptable address */
    public static EmailAddress parse(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH + 64 || raw.chars().anyMatch(EmailAddress::isControl)) {
            throw new InvalidEmailAddressException();
        }
        String candidate = raw.strip();
        if (candidate.isEmpty() || candidate.length() > MAX_LENGTH || !WHATWG_EMAIL.matcher(candidate).matches()) {
            throw new InvalidEmailAddressException();
        }
        int at = candidate.indexOf('@');
        if (at > MAX_LOCAL_PART_LENGTH) {
            throw new InvalidEmailAddressException();
        }
        return new EmailAddress(candidate.substring(0, at) + candidate.substring(at).toLowerCase(Locale.ROOT));
    }

    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
    }

    public String value() {
        return value;
    }

    /** The address as an account's identity: all lower case, so that Someone@ and someone@ are one account. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** {@code someone@example.com} becomes {@code s*****e@example.com}; short local parts keep only one letter. */
    public String masked() {
        int at = value.indexOf('@');
        String local = value.substring(0, at);
        String shown = local.length() <= 2 ? local.substring(0, 1) + "*"
                : local.charAt(0) + "*".repeat(local.length() - 2) + local.charAt(local.length() - 1);
        return shown + value.substring(at);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
