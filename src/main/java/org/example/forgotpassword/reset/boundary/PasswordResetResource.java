package org.example.forgotpassword.reset.boundary;

import java.util.Locale;

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

import org.example.forgotpassword.platform.boundary.Replies;
import org.example.forgotpassword.platform.boundary.RequestLimits;
import org.example.forgotpassword.platform.control.TextResources;
import org.example.forgotpassword.platform.entity.RequestFields;
import org.example.forgotpassword.platform.entity.SupportedLocales;
import org.example.forgotpassword.reset.control.PasswordResets;
import org.example.forgotpassword.reset.control.ResetTokens;

/**
 * The page the reset mail links to ({@code GET /password/reset/?token=…}, English or Chinese by
 * {@code Accept-Language}) and the form's target ({@code POST /password/reset/} with {@code token} and
 * {@code password}). The page loads nothing from elsewhere, runs no inline script, cannot be framed, is not cached
 * and sends no referrer, so the token in its address goes nowhere.
 */
@Path("password/reset")
@ApplicationScoped
public class PasswordResetResource {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Inject
    PasswordResets passwordResets;

    @Inject
    ResetTokens tokens;

    @Inject
    TextResources texts;

    @Inject
    RequestLimits limits;

    @Inject
    Replies replies;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("token") String token) {
        Locale locale = replies.localeOf(headers::getAcceptableLanguages);
        String language = SupportedLocales.templateSuffix(locale);
        String html = texts.get("pages/reset_" + language + ".html")
                .replace("{{token}}", tokens.isWellFormed(token) ? token : "");
        return secured(Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")))
                .header("Content-Language", locale.toLanguageTag()).build();
    }

    @GET
    @Path("reset.js")
    @Produces("text/javascript")
    public Response script() {
        return secured(Response.ok(texts.get("pages/reset.js"), "text/javascript; charset=UTF-8")).build();
    }

    @GET
    @Path("reset.css")
    @Produces("text/css")
    public Response style() {
        return secured(Response.ok(texts.get("pages/reset.css"), "text/css; charset=UTF-8")).build();
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

    private static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }

}
