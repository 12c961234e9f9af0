package org.example.forgotpassword.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;

import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.platform.entity.RequestFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A form and a JSON object with the same fields read the same; anything else is a 1002. */
class RequestFieldsReaderTest {

    final RequestFieldsReader reader = new RequestFieldsReader();

    @Test
    void aFormAndAJsonObjectGiveTheSameFields() throws IOException {
        RequestFields form = read(MediaType.APPLICATION_FORM_URLENCODED_TYPE,
                "email=someone%2Bx%40example.com&password=p%C3%A4ss+word");
        RequestFields json = read(MediaType.APPLICATION_JSON_TYPE,
                "{\"email\":\"someone+x@example.com\",\"password\":\"päss word\"}");

        for (RequestFields fields : new RequestFields[] {form, json}) {
            assertThat(fields.get("email")).isEqualTo("someone+x@example.com");
            assertThat(fields.get("password")).isEqualTo("päss word");
        }
    }

    @Test
    void aFieldWithoutValueIsEmptyAndAMissingOneIsAbsent() throws IOException {
        RequestFields fields = read(MediaType.APPLICATION_FORM_URLENCODED_TYPE, "email=&flag&&");

        assertThat(fields.get("email")).isEmpty();
        assertThat(fields.get("flag")).isEmpty();
        assertThat(fields.get("password")).isNull();
        assertThatThrownBy(() -> fields.required("password")).isInstanceOfSatisfying(ApiException.class,
                missing -> assertThat(missing.errorCode()).isEqualTo(ErrorCode.MALFORMED_REQUEST));
    }

    @Test
    void aJsonValueThatIsNotAStringReadsAsMissing() throws IOException {
        RequestFields fields = read(MediaType.APPLICATION_JSON_TYPE, "{\"email\":42,\"locale\":null}");

        assertThat(fields.get("email")).isNull();
        assertThat(fields.get("locale")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"email=a%40example.com&email=b%40example.com", "email=%zz", "email=%4"})
    void aFieldGivenTwiceOrMalformedPercentEncodingIsRefused(String form) {
        assertRefused(MediaType.APPLICATION_FORM_URLENCODED_TYPE, form);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[\"email\"]", "\"someone@example.com\"", "{\"email\":"})
    void aBodyThatIsNotAJsonObjectIsRefused(String json) {
        assertRefused(MediaType.APPLICATION_JSON_TYPE, json);
    }

    private void assertRefused(MediaType type, String body) {
        assertThatThrownBy(() -> read(type, body)).isInstanceOfSatisfying(ApiException.class,
                refused -> assertThat(refused.errorCode()).isEqualTo(ErrorCode.MALFORMED_REQUEST));
    }

    private RequestFields read(MediaType type, String body) throws IOException {
        return reader.readFrom(RequestFields.class, RequestFields.class, new java.lang.annotation.Annotation[0], type,
                null, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
