package org.example.forgotpassword.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets a front end on an allowed origin read the replies of the JSON POSTs, errors included, and their
 * {@code Retry-After}. Never {@code *} and never credentials: the API uses no cookies. Every such reply says
 * {@code Vary: Origin}, as its headers depend on it.
 */
@Provider
@ApplicationScoped
public class CrossOriginHeaders implements ContainerResponseFilter {

    static final String ORIGIN = "Origin";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    @Inject
    AllowedOrigins origins;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext reply) {
        if (!HttpMethod.POST.equals(request.getMethod())
                || !CrossOriginEndpoints.includes(request.getUriInfo().getPath())) {
            return;
        }
        MultivaluedMap<String, Object> headers = reply.getHeaders();
        headers.add(HttpHeaders.VARY, ORIGIN);
        origins.allowed(request.getHeaderString(ORIGIN)).ifPresent(origin -> {
            headers.putSingle(ALLOW_ORIGIN, origin.toString());
            headers.putSingle("Access-Control-Expose-Headers", HttpHeaders.RETRY_AFTER);
        });
    }
}
