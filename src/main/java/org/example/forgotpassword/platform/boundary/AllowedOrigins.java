package org.example.forgotpassword.platform.boundary;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.platform.entity.WebOrigin;

/**
 * The origins of web front ends that may call the API from a browser ({@code http.cors.allowed-origins},
 * comma-separated {@code scheme://host[:port]}). None by default: only the service's own pages. A wrong value
 * stops the deployment: the settings check applies {@link #parse(String)} when the application starts.
 */
@ApplicationScoped
public class AllowedOrigins {

    static final String KEY = "http.cors.allowed-origins";

    @Inject
    @ConfigProperty(name = KEY)
    Optional<String> configured;

    private Set<WebOrigin> allowed;

    @PostConstruct
    void parse() {
        allowed = parse(configured.orElse(""));
    }

    /** The allowed origin the {@code Origin} header names, if it names one. */
    public Optional<WebOrigin> allowed(String originHeader) {
        return originHeader == null ? Optional.empty() : WebOrigin.fromHeader(originHeader).filter(allowed::contains);
    }

    /** @throws IllegalArgumentException naming the entry that is wrong and why */
    public static Set<WebOrigin> parse(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(AllowedOrigins::origin)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static WebOrigin origin(String entry) {
        try {
            return WebOrigin.parse(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + entry + "\" is not an origin: " + e.getMessage(), e);
        }
    }
}
