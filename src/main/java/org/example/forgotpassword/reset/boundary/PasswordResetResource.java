package org.example.forgotpassword.reset.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.example.forgotpassword.platform.boundary.HostedPages;
import org.example.forgotpassword.platform.boundary.Replies;
import org.example.forgotpassword.platform.boundary.RequestLimits;
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
public class PasswordResetResource {

    @Inject
    PasswordResets passwordResets;

    @Inject
    ResetTokens tokens;

    @Inject
    HostedPages pages;

    @Inject
    RequestLimits limits;

    @Inject
    Replies replies;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("token") String token) {
        String wellFormed = tokens.isWellFormed(token) ? token : "";
        return pages.page("reset", headers::getAcceptableLanguages, html -> html.replace("{{token}}", wellFormed));
    }

    @GET
    @Path("reset.js")
    @Produces("text/javascript")
    public Response script() {
        return pages.script("reset.js");
    }

    /** What the service's pages share, {@link HostedPages#sharedScript()}. */
    @GET
    @Path("page.js")
    @Produces("text/javascript")
    public Response sharedScript() {
        return pages.sharedScript();
    }

    @GET
    @Path("reset.css")
    @Produces("text/css")
    public Response style() {
        return pages.style();
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response reset(RequestFields fields) {
        String token = fields.required("token");
        String password = fields.required("password");
        limits.reset(tokens.isWellFormed(token) ? tokens.hash(token) : null);
        passwordResets.reset(token, password);
        return replies.success("reset.succeeded", headers::getAcceptableLanguages);
    }
}
