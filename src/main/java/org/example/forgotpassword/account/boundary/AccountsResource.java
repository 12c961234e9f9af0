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

/** {@code POST /accounts/} with {@code email}, {@code password} and optional {@code locale} ({@code en}, {@code zh-CN}). */
@Path("accounts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource extends ApiResource {

    @Inject
    Accounts accounts;

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    public Response create(RequestFields fields) {
        EmailAddress email = EmailAddress.parse(fields.get("email"));
        String password = fields.required("password");
        Locale locale = localeOf(fields.get("locale"));
        limits.accountCreation();
        accounts.create(email, password, locale);
        return created("account.created");
    }

    private Locale localeOf(String tag) {
        if (tag == null || tag.isBlank()) {
            return clientLocale();
        }
        return SupportedLocales.chosen(tag).orElseThrow(() -> new ApiException(ErrorCode.MALFORMED_REQUEST));
    }
}
