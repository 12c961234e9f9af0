package org.example.forgotpassword.reset.control;

import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.example.forgotpassword.account.entity.EmailAddress;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.SupportedLocales;
import org.example.forgotpassword.reset.entity.ResetRequest;

/**
 * The JMS representation of a {@link ResetRequest}: a JSON text body with an explicit type and version, so that
 * the consumer can tell a message it understands from one it does not.
 */
@ApplicationScoped
public class ResetRequestMessages {

    public static final String TYPE = "password-reset-request";
    public static final int VERSION = 1;
    public static final String TYPE_PROPERTY = "type";
    public static final String VERSION_PROPERTY = "version";

    /** Looked up once: every {@code Json.createXxx()} call searches the class path for the provider again. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public String toJson(ResetRequest request) {
        return JSON.createObjectBuilder()
                .add("type", TYPE)
                .add("version", VERSION)
                .add("requestId", request.requestId())
                .add("email", request.email().value())
                .add("locale", request.locale().toLanguageTag())
                .add("requestedAt", request.requestedAt().toString())
                .build().toString();
    }

    /** @throws UnreadableMessageException when the body is not a reset request of a known version */
    public ResetRequest fromJson(String body) {
        try (var reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            JsonObject json = reader.readObject();
            JsonValue version = json.get("version");
            if (!TYPE.equals(json.getString("type", null)) || !(version instanceof JsonNumber number)
                    || !number.isIntegral() || number.longValue() != VERSION) {
                throw new UnreadableMessageException("unknown message type or version");
            }
            return new ResetRequest(json.getString("requestId"), EmailAddress.parse(json.getString("email")),
                    SupportedLocales.fromTag(json.getString("locale", null)),
                    Instant.parse(json.getString("requestedAt")));
        } catch (JsonException | ClassCastException | NullPointerException | DateTimeParseException
                 | ApiException e) {
            throw new UnreadableMessageException("malformed reset request: " + e.getClass().getSimpleName());
        }
    }
}
