package org.example.forgotpassword.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A plain {@code OPTIONS} is answered with its {@code Allow} header alone (204): Jersey and RESTEasy would also
 * repeat the methods as a {@code text/plain} body.
 */
@Provider
@ApplicationScoped
public class OptionsReplies implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext reply) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && reply.getStatus() == Response.Status.OK.getStatusCode()
                && reply.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            reply.setEntity(null);
            reply.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            reply.setStatus(Response.Status.NO_CONTENT.getStatusCode());
        }
    }
}
