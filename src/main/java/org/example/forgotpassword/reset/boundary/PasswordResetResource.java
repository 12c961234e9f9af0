package org.example.forgotpassword.reset.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.example.forgotpassword.platform.boundary.HostedPageResource;
import org.example.forgotpassword.platform.boundary.HostedPages;
import org.example.forgotpassword.platform.entity.RequestFields;
import org.example.forgotpassword.reset.control.PasswordResets;
import org.example.forgotpassword.reset.control.ResetTokens;

/**
 * The page the reset mail links to ({@code GET /password/reset/?token=…}, English or Chinese by
 * {@code Accept-Language}) and the form's target ({@code POST /password/reset/} with {@code token} and
 * {@code password}). The page has the strict headers of every {@link HostedPages hosted page}: it sends no
 * referrer and is not cached, so the token in its address goes nowhere.
 */
@Path("password/reset")
@ApplicationScoped
public class PasswordResetResource extends HostedPageResource {

    @Inject
    PasswordResets passwordResets;

    @Inject
    ResetTokens tokens;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("token") String token) {
        String wellFormed = tokens.isWellFormed(token) ? token : "";
        return renderPage("reset", html -> html.replace("{{token}}", wellFormed));
    }

    @GET
    @Path("reset.js")
    @Produces("text/javascript")
    public Response script() {
        return pages.script("reset.js");
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response reset(RequestFields fields) {
        String token = fields.required("token");
        String password = fields.required("password");
        limits.reset(tokens.isWellFormed(token) ? tokens.hash(token) : null);
        passwordResets.reset(token, password);
        return success("reset.succeeded");
    }
}
