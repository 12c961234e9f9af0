package org.example.forgotpassword.platform.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin, {@code scheme://host[:port]} of http or https, as browsers send it in the {@code Origin} header.
 * Spellings of one origin (upper case, the scheme's default port written out) are equal; {@link #toString()} is
 * the browsers' spelling, the one {@code Access-Control-Allow-Origin} must repeat.
 */
public record WebOrigin(String scheme, String host, int port) {

    /** @throws IllegalArgumentException saying what is wrong, when {@code value} is not an http(s) origin */
    public static WebOrigin parse(String value) {
        if (value.contains("*")) {
            throw new IllegalArgumentException("wildcards are not allowed");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the scheme must be http or https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("expected scheme://host[:port]");
        }
        if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("an origin has no path (not even a trailing slash), query or fragment");
        }
        return new WebOrigin(scheme, uri.getHost().toLowerCase(Locale.ROOT),
                uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort());
    }

    /** The origin an {@code Origin} header names; empty for {@code null} (an opaque origin) and anything malformed. */
    public static Optional<WebOrigin> fromHeader(String value) {
        try {
            return Optional.of(parse(value));
        } catch (IllegalArgumentException notAnOrigin) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }
}
