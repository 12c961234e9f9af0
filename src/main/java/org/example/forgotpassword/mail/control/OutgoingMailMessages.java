package org.example.forgotpassword.mail.control;

import java.io.StringReader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.example.forgotpassword.mail.entity.OutgoingMail;

/** The JMS representation of an {@link OutgoingMail} on the outbox queue: a JSON text body with type and version. */
@ApplicationScoped
public class OutgoingMailMessages {

    public static final String TYPE = "outgoing-mail";
    public static final int VERSION = 1;

    /** Looked up once: every {@code Json.createXxx()} call searches the class path for the provider again. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public String toJson(OutgoingMail mail) {
        return JSON.createObjectBuilder()
                .add("type", TYPE)
                .add("version", VERSION)
                .add("mailId", mail.mailId())
                .add("to", mail.to())
                .add("subject", mail.subject())
                .add("text", mail.text())
                .add("html", mail.html())
                .build().toString();
    }

    /** @throws IllegalArgumentException when the body is not an outgoing mail of a known version */
    public OutgoingMail fromJson(String body) {
        try (var reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            JsonObject json = reader.readObject();
            JsonValue version = json.get("version");
            if (!TYPE.equals(json.getString("type", null)) || !(version instanceof JsonNumber number)
                    || !number.isIntegral() || number.longValue() != VERSION) {
                throw new IllegalArgumentException("unknown message type or version");
            }
            return new OutgoingMail(json.getString("mailId"), json.getString("to"), json.getString("subject"),
                    json.getString("text"), json.getString("html"));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("malformed outgoing mail: " + e.getClass().getSimpleName());
        }
    }
}
