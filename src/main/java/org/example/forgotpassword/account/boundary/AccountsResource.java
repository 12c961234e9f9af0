package org.example.forgotpassword.account.boundary;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.example.forgotpassword.account.control.Accounts;
import org.example.forgotpassword.account.entity.EmailAddress;
import org.example.forgotpassword.platform.boundary.ApiResource;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.platform.entity.RequestFields;
import org.example.forgotpassword.platform.entity.SupportedLocales;

/**
 * The two account endpoints that let the reset flow be tried end to end: {@code POST /accounts/} signs up, and
 * {@code POST /login/} checks credentials (no session). They sit at the application's root because the contract
 * gives each a top-level path; every path more specific than theirs belongs to its own resource.
 */
@Path("")
@ApplicationScoped
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource extends ApiResource {

    @Inject
    Accounts accounts;

    /** {@code email}, {@code password} and optional {@code locale} ({@code en}, {@code zh-CN}): 201. */
    @POST
    @Path("accounts")
    public Response create(RequestFields fields) {
        EmailAddress email = EmailAddress.parse(fields.get("email"));
        String password = fields.required("password");
        Locale locale = localeOf(fields.get("locale"));
        limits.accountCreation();
        accounts.create(email, password, locale);
        return created("account.created");
    }

    /** {@code email} and {@code password}: 200, or 401 (1301) for a wrong password and an unknown address alike. */
    @POST
    @Path("login")
    public Response login(RequestFields fields) {
        EmailAddress email = EmailAddress.parse(fields.get("email"));
        String password = fields.required("password");
        limits.login(email.canonical());
        if (!accounts.authenticate(email, password)) {
            throw new ApiException(ErrorCode.BAD_CREDENTIALS);
        }
        return success("login.succeeded");
    }

    private Locale localeOf(String tag) {
        if (tag == null || tag.isBlank()) {
            return clientLocale();
        }
        return SupportedLocales.chosen(tag).orElseThrow(() -> new ApiException(ErrorCode.MALFORMED_REQUEST));
    }
}
