package org.example.forgotpassword.account.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which new passwords are accepted, after NIST SP 800-63B (5.1.1.2): at least 8 characters, long passphrases
 * welcome (up to 256; spaces and any Unicode allowed, no composition rules), but not a commonly used password, not
 * one character repeated, and not the account's own address. Length counts characters (code points) after
 * Unicode normalization (NFKC), so the same passphrase typed on different devices counts the same.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    private final Set<String> commonPasswords = load("passwords/common-passwords.txt");

    public boolean accepts(String password, String email) {
        if (password == null) {
            return false;
        }
        String normalized = normalize(password);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return false;
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        if (commonPasswords.contains(lower) || normalized.codePoints().distinct().count() == 1) {
            return false;
        }
        if (email != null) {
            String address = email.toLowerCase(Locale.ROOT);
            String localPart = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            return !lower.equals(address) && !lower.equals(localPart);
        }
        return true;
    }

    /** The form in which passwords are hashed and compared. */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
