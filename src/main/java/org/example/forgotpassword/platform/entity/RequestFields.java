package org.example.forgotpassword.platform.entity;

import java.util.Map;

/**
 * The fields of a request body, whether it came as an HTML form or as JSON. A field given twice is refused when
 * the body is read; a JSON value that is not a string counts as a malformed field and reads as {@code null}.
 */
public final class RequestFields {

    private final Map<String, String> values;

    public RequestFields(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The field's value, or {@code null} when it is missing or not a string. */
    public String get(String name) {
        return values.get(name);
    }

    /** @throws ApiException {@link ErrorCode#MALFORMED_REQUEST} when the field is missing */
    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST);
        }
        return value;
    }
}
