package org.example.forgotpassword.platform.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.platform.entity.RequestFields;

/**
 * Reads {@link RequestFields} from {@code application/x-www-form-urlencoded} or {@code application/json}, so every
 * endpoint accepts both with the same field names. Anything unreadable is a 1002; the body size is already bounded
 * by {@link RequestBodyLimit}.
 */
@Provider
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
public class RequestFieldsReader implements MessageBodyReader<RequestFields> {

    /** Looked up once: every {@code Json.createXxx()} call searches the class path for the provider again. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == RequestFields.class;
    }

    @Override
    public RequestFields readFrom(Class<RequestFields> type, Type genericType, Annotation[] annotations,
                                  MediaType mediaType, MultivaluedMap<String, String> httpHeaders,
                                  InputStream entityStream) throws IOException {
        String body = new String(entityStream.readAllBytes(), StandardCharsets.UTF_8);
        return mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE) ? fromJson(body) : fromForm(body);
    }

    static RequestFields fromForm(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (values.putIfAbsent(name, value) != null) {
                    throw new ApiException(ErrorCode.MALFORMED_REQUEST);
                }
            } catch (IllegalArgumentException malformedEncoding) {
                throw new ApiException(ErrorCode.MALFORMED_REQUEST);
            }
        }
        return new RequestFields(values);
    }

    static RequestFields fromJson(String body) {
        JsonObject json;
        try (var reader = JSON.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException notAJsonObject) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST);
        }
        Map<String, String> values = new HashMap<>();
        json.forEach((name, value) -> {
            if (value instanceof JsonString text) {
                values.put(name, text.getString());
            }
        });
        return new RequestFields(values);
    }
}
