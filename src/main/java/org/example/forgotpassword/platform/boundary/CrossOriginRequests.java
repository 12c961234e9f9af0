package org.example.forgotpassword.platform.boundary;

import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.platform.entity.WebOrigin;

/**
 * Answers the browsers' preflights for the JSON POSTs, and refuses (403, code 1005) any other request that changes
 * something when its {@code Origin} is neither allowed nor the service's own, before it is read, counted or
 * queued: a browser sends a plain form or {@code text/plain} POST to another origin without asking first.
 * Requests without {@code Origin} (a back end, curl) are left alone. Runs before the other filters.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class CrossOriginRequests implements ContainerRequestFilter {

    /** How long a browser may keep a preflight's answer. */
    static final String MAX_AGE_SECONDS = "600";

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    AllowedOrigins origins;

    @Inject
    Replies replies;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(CrossOriginHeaders.ORIGIN);
        if (origin == null) {
            return;
        }
        if (isPreflight(request)) {
            if (CrossOriginEndpoints.includes(request.getUriInfo().getPath())) {
                request.abortWith(preflightAnswer(origins.allowed(origin), request));
            }
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && origins.allowed(origin).isEmpty()
                && !isOwn(origin, request)) {
            request.abortWith(refusal(request));
        }
    }

    private static boolean isPreflight(ContainerRequestContext request) {
        return HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null;
    }

    private Response preflightAnswer(Optional<WebOrigin> allowed, ContainerRequestContext request) {
        if (allowed.isEmpty()) {
            return Response.fromResponse(refusal(request)).header(HttpHeaders.VARY, CrossOriginHeaders.ORIGIN).build();
        }
        return Response.noContent()
                .header(CrossOriginHeaders.ALLOW_ORIGIN, allowed.get().toString())
                .header("Access-Control-Allow-Methods", HttpMethod.POST)
                .header("Access-Control-Allow-Headers", HttpHeaders.CONTENT_TYPE + ", " + HttpHeaders.ACCEPT_LANGUAGE)
                .header("Access-Control-Max-Age", MAX_AGE_SECONDS)
                .header(HttpHeaders.VARY, CrossOriginHeaders.ORIGIN)
                .build();
    }

    private Response refusal(ContainerRequestContext request) {
        return replies.error(ErrorCode.ORIGIN_NOT_ALLOWED, request::getAcceptableLanguages);
    }

    /**
     * The service's own pages. A browser says so itself with {@code Sec-Fetch-Site: same-origin}, a header no
     * script can set, even where the origin below does not match: behind a proxy that terminates TLS, or when it
     * keeps the origin back ({@code Origin: null} under these pages' {@code Referrer-Policy: no-referrer}).
     * Browsers without that header: the scheme and {@code Host} the request came to.
     */
    private static boolean isOwn(String origin, ContainerRequestContext request) {
        if ("same-origin".equals(request.getHeaderString("Sec-Fetch-Site"))) {
            return true;
        }
        String host = request.getHeaderString(HttpHeaders.HOST);
        if (host == null) {
            return false;
        }
        String scheme = request.getUriInfo().getRequestUri().getScheme();
        Optional<WebOrigin> own = WebOrigin.fromHeader(scheme + "://" + host.strip());
        return own.isPresent() && own.equals(WebOrigin.fromHeader(origin));
    }
}
