package org.example.forgotpassword.reset.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.example.forgotpassword.account.entity.EmailAddress;
import org.example.forgotpassword.platform.boundary.HostedPageResource;
import org.example.forgotpassword.platform.boundary.HostedPages;
import org.example.forgotpassword.platform.entity.RequestFields;
import org.example.forgotpassword.reset.control.PasswordResetRequests;

/**
 * {@code POST /password/forgot/} with field {@code email}, as an HTML form or as JSON. Validates, rate-limits and
 * queues, nothing else: whether an account exists is decided by the consumer, so status, body, headers and timing
 * are the same either way. The mail goes out in the background. {@code GET /password/forgot/} is the service's own
 * page for it, a {@link HostedPages hosted page}.
 */
@Path("password/forgot")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ForgotPasswordResource extends HostedPageResource {

    @Inject
    PasswordResetRequests resetRequests;

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    public Response forgot(RequestFields fields) {
        EmailAddress email = EmailAddress.parse(fields.get("email"));
        limits.forgot(email.canonical());
        resetRequests.accept(email, clientLocale());
        return success("forgot.accepted");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return renderPage("forgot");
    }

    @GET
    @Path("forgot.js")
    @Produces("text/javascript")
    public Response script() {
        return pages.script("forgot.js");
    }
}
