package org.example.forgotpassword.platform.control;

import java.io.StringReader;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

/** Reads the body of an Artemis management reply: a JSON array holding the attribute's value, e.g. {@code [42]}. */
final class ManagementReplies {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ManagementReplies() {
    }

    /** @throws IllegalArgumentException when the body is not a JSON array starting with a number */
    static long firstNumber(String body) {
        if (body == null) {
            throw new IllegalArgumentException("A management reply without a body");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonArray values = reader.readArray();
            if (values.isEmpty() || !(values.get(0) instanceof JsonNumber number)) {
                throw new IllegalArgumentException("Not a number in the management reply " + body);
            }
            return number.longValue();
        } catch (JsonException | IllegalStateException malformed) {
            throw new IllegalArgumentException("Not a JSON array: " + body, malformed);
        }
    }
}
