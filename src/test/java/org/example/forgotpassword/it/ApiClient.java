package org.example.forgotpassword.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A plain HTTP client for the service's API, used the way a front end or curl would. */
public final class ApiClient {

    /**
     * HTTP/1.1, as browsers and reverse proxies speak to a plain-HTTP origin. The JDK client would otherwise upgrade
     * to cleartext HTTP/2 and multiplex every request of the test run over one connection; under the fault suite's
     * broker outage Payara's HTTP/2 session was seen terminating that connection (Grizzly: "Unable to write GOAWAY.
     * Terminating session."), failing every request in flight at once.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String clientAddress;

    /** A client of its own address (sent as X-Forwarded-For, which the test profile trusts from loopback). */
    public ApiClient(String baseUrl) {
        this(baseUrl, randomClientAddress());
    }

    public ApiClient(String baseUrl, String clientAddress) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clientAddress = clientAddress;
    }

    public static String randomClientAddress() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A reply with its JSON body parsed (null when the body is not JSON) and how long it took. */
    public record Reply(int status, String body, JsonObject json, HttpResponse<String> response, Duration took) {

        public int code() {
            return json.getInt("code");
        }

        public String message() {
            return json.getString("message");
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    public Reply postForm(String path, String formBody, Map<String, String> headers) {
        return post(path, "application/x-www-form-urlencoded", formBody, headers);
    }

    public Reply forgot(String email) {
        return postForm("/password/forgot/", "email=" + encode(email), Map.of());
    }

    public Reply createAccount(String email, String password, String locale) {
        return postForm("/accounts/", "email=" + encode(email) + "&password=" + encode(password)
                + (locale == null ? "" : "&locale=" + encode(locale)), Map.of());
    }

    public Reply login(String email, String password) {
        return postForm("/login/", "email=" + encode(email) + "&password=" + encode(password), Map.of());
    }

    public Reply resetPassword(String token, String password) {
        return postForm("/password/reset/", "token=" + encode(token) + "&password=" + encode(password), Map.of());
    }

    public Reply get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .GET();
        headers.forEach(request::header);
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return send(request.build());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public Reply post(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    public Reply send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new Reply(response.statusCode(), response.body(), parse(response.body()), response, took);
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
