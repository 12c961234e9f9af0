package org.example.forgotpassword.benchmark.ceiling;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The ceiling of the accept rate: the same form in, the same JSON out as {@code POST /password/forgot/}, and
 * nothing in between (no validation, rate limit, JMS or transaction). Whatever the product endpoint costs beyond
 * this is its own work.
 */
@Path("forgot")
public class CeilingResource {

    static final String REPLY =
            "{\"code\":0,\"message\":\"If an account exists for this address, a password reset email is on its way.\"}";

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response forgot(@FormParam("email") String email) {
        if (email == null || email.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        return Response.ok(REPLY).build();
    }
}
