package org.example.forgotpassword.platform.boundary;

import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client a request comes from, for rate limits. {@code X-Forwarded-For} counts only when the
 * request comes from one of {@code http.trusted-proxies} (the load balancer); then the nearest address that is not
 * a trusted proxy is the client. Anyone else could put anything into that header.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "http.trusted-proxies", defaultValue = "none")
    List<String> trustedProxies;

    private Set<String> trusted;

    @PostConstruct
    void parse() {
        trusted = Set.copyOf(trustedProxies);
    }

    /** The client of the current request. */
    public String get() {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted.contains(remote)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }
}
