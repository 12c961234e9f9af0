package org.example.forgotpassword.platform.entity;

import java.time.Duration;

/** At most {@code requests} in {@code window}, written as {@code 5/PT15M} in the configuration. */
public record RateLimit(int requests, Duration window) {

    public static RateLimit parse(CharSequence text) {
        String[] parts = text.toString().strip().split("/", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("A rate limit looks like 5/PT15M, not " + text);
        }
        return new RateLimit(Integer.parseInt(parts[0].strip()), Duration.parse(parts[1].strip()));
    }
}
