package org.example.forgotpassword.reset.boundary;

import java.io.StringReader;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.example.forgotpassword.platform.boundary.Replies;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.reset.control.PasswordResetRequests;
import org.example.forgotpassword.reset.entity.EmailAddress;

/**
 * {@code POST /password/forgot/} with field {@code email}, as an HTML form or as JSON. Answers
 * {@code 200 {"code":0,...}} as soon as the request is on the queue; the mail goes out in the background.
 */
@Path("password/forgot")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ForgotPasswordResource {

    static final String FIELD = "email";

    @Inject
    PasswordResetRequests resetRequests;

    @Inject
    Replies replies;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgotFromForm(MultivaluedMap<String, String> form) {
        List<String> values = form.get(FIELD);
        if (values != null && values.size() > 1) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST);
        }
        return forgot(values == null ? null : values.get(0));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response forgotFromJson(String body) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException notAJsonObject) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST);
        }
        JsonValue email = json.get(FIELD);
        if (email != null && email.getValueType() != JsonValue.ValueType.STRING
                && email.getValueType() != JsonValue.ValueType.NULL) {
            throw new ApiException(ErrorCode.INVALID_EMAIL);
        }
        return forgot(email instanceof JsonString text ? text.getString() : null);
    }

    private Response forgot(String rawEmail) {
        EmailAddress email = EmailAddress.parse(rawEmail);
        resetRequests.accept(email, replies.localeOf(headers::getAcceptableLanguages));
        return replies.success("forgot.accepted", headers::getAcceptableLanguages);
    }
}
