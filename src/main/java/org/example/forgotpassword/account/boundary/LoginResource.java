package org.example.forgotpassword.account.boundary;

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

/**
 * {@code POST /login/} with {@code email} and {@code password}: 200, or 401 (1301) for a wrong password and an
 * unknown address alike. It only checks credentials (no session), so the reset flow can be tried end to end.
 */
@Path("login")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource extends ApiResource {

    @Inject
    Accounts accounts;

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    public Response login(RequestFields fields) {
        EmailAddress email = EmailAddress.parse(fields.get("email"));
        String password = fields.required("password");
        limits.login(email.canonical());
        if (!accounts.authenticate(email, password)) {
            throw new ApiException(ErrorCode.BAD_CREDENTIALS);
        }
        return success("login.succeeded");
    }
}
