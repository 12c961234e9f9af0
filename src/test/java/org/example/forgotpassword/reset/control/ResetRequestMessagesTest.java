package org.example.forgotpassword.reset.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.example.forgotpassword.account.entity.EmailAddress;
import org.example.forgotpassword.reset.entity.ResetRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResetRequestMessagesTest {

    private static final String REQUEST_ID = "5f0c7c3e-4d1b-4a53-9a9e-0f3f4b2c1d00";
    private static final Instant REQUESTED_AT = Instant.parse("2025-03-04T05:06:07.123456789Z");

    private final ResetRequestMessages messages = new ResetRequestMessages();

    private static ResetRequest request(Locale locale) {
        return new ResetRequest(REQUEST_ID, EmailAddress.parse("Some.One+x@example.com"), locale, REQUESTED_AT);
    }

    /** A valid message body with one field replaced ({@code null} value: removed). */
    private static String bodyWith(String field, Object value) {
        var json = Json.createObjectBuilder()
                .add("type", "password-reset-request")
                .add("version", 1)
                .add("requestId", REQUEST_ID)
                .add("email", "someone@example.com")
                .add("locale", "en")
                .add("requestedAt", "2025-03-04T05:06:07Z");
        if (value == null) {
            json.remove(field);
        } else if (value instanceof Integer number) {
            json.add(field, number);
        } else if (value instanceof java.math.BigDecimal decimal) {
            json.add(field, decimal);
        } else {
            json.add(field, value.toString());
        }
        return json.build().toString();
    }

    private void assertUnreadable(String body) {
        assertThatThrownBy(() -> messages.fromJson(body)).isInstanceOf(UnreadableMessageException.class);
    }

    @Test
    void englishRequestSurvivesTheRoundTrip() {
        ResetRequest request = request(Locale.ENGLISH);

        assertThat(messages.fromJson(messages.toJson(request))).isEqualTo(request);
    }

    @Test
    void chineseRequestSurvivesTheRoundTrip() {
        ResetRequest read = messages.fromJson(messages.toJson(request(Locale.SIMPLIFIED_CHINESE)));

        assertThat(read.requestId()).isEqualTo(REQUEST_ID);
        assertThat(read.email().value()).isEqualTo("Some.One+x@example.com");
        assertThat(read.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(read.requestedAt()).isEqualTo(REQUESTED_AT);
    }

    @Test
    void freshRequestSurvivesTheRoundTrip() {
        ResetRequest request = ResetRequest.of(EmailAddress.parse("someone@example.com"), Locale.ENGLISH);

        assertThat(messages.fromJson(messages.toJson(request))).isEqualTo(request);
    }

    @Test
    void messageDeclaresItsTypeAndVersionAndCarriesTheFullAddress() {
        JsonObject json = Json.createReader(new StringReader(messages.toJson(request(Locale.SIMPLIFIED_CHINESE))))
                .readObject();

        assertThat(json.getString("type")).isEqualTo("password-reset-request");
        assertThat(json.getInt("version")).isEqualTo(1);
        assertThat(json.getString("requestId")).isEqualTo(REQUEST_ID);
        assertThat(json.getString("email")).isEqualTo("Some.One+x@example.com");
        assertThat(json.getString("locale")).isEqualTo("zh-CN");
        assertThat(json.getString("requestedAt")).isEqualTo("2025-03-04T05:06:07.123456789Z");
        assertThat(json.keySet()).hasSize(6);
    }

    @Test
    void validMessageBodyIsRead() {
        ResetRequest read = messages.fromJson(bodyWith("locale", "zh-TW"));

        assertThat(read).isEqualTo(new ResetRequest(REQUEST_ID, EmailAddress.parse("someone@example.com"),
                Locale.SIMPLIFIED_CHINESE, Instant.parse("2025-03-04T05:06:07Z")));
    }

    @Test
    void missingLocaleMeansEnglish() {
        assertThat(messages.fromJson(bodyWith("locale", null)).locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void unsupportedLocaleMeansEnglish() {
        assertThat(messages.fromJson(bodyWith("locale", "fr-FR")).locale()).isEqualTo(Locale.ENGLISH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"{", "{\"type\":", "not json", "[]", "[{\"type\":\"password-reset-request\"}]", "null",
            "42", "\"password-reset-request\"", "{} trailing"})
    void malformedBodyIsUnreadable(String body) {
        assertUnreadable(body);
    }

    /** A body whose fields are all right but one: missing (null), of another JSON type, or out of its range. */
    static Stream<Arguments> bodiesWithOneFieldWrong() {
        return Stream.of(
                arguments("type", "password-changed", "an unknown type"),
                arguments("type", null, "no type"),
                arguments("version", 2, "a later version"),
                arguments("version", 0, "version 0"),
                arguments("version", null, "no version"),
                arguments("version", new BigDecimal("1.5"), "a fractional version"),
                arguments("version", "1", "the version as text"),
                arguments("requestId", null, "no request id"),
                arguments("requestId", 17, "a request id that is not text"),
                arguments("email", null, "no address"),
                arguments("email", 17, "an address that is not text"),
                arguments("email", "not-an-address", "an invalid address"),
                arguments("email", "victim@example.com\r\nBcc: everyone@attacker.test",
                        "an address with a header injection"),
                arguments("requestedAt", null, "no timestamp"),
                arguments("requestedAt", "yesterday", "a timestamp that is not an instant"),
                arguments("requestedAt", "2025-03-04", "a date without a time"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("bodiesWithOneFieldWrong")
    void aBodyWithOneFieldWrongIsUnreadable(String field, Object value, String what) {
        assertUnreadable(bodyWith(field, value));
    }

    @Test
    void unreadableMessageNamesNoClientData() {
        assertThatThrownBy(() -> messages.fromJson(bodyWith("email", "secret-person@@example.com")))
                .isInstanceOf(UnreadableMessageException.class)
                .message().doesNotContain("secret-person");
    }
}
