package org.example.forgotpassword.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Single form POSTs for the moments the benchmark waits on (the first accepted request, an account, the replies
 * while the broker is down): not a load generator, wrk is.
 */
final class FormPost {

    /** What a POST got: the status (-1 when no reply came: refused, reset, timed out) and how long it took. */
    record Reply(int status, long startNanos, long nanos) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    FormPost(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Reply post(String path, String form, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "application/json")
                            .timeout(timeout)
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        }
        return new Reply(status, start, System.nanoTime() - start);
    }

    /** Polls {@code POST path} with a new address each time until it answers 200; @return when it did (nanoTime) */
    long awaitAccepted(String path, String addressPrefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            Reply reply = post(path, "email=" + encoded(addressPrefix + attempt + "@bench.example"),
                    Duration.ofSeconds(10));
            if (reply.status() == 200) {
                return reply.startNanos() + reply.nanos();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("POST " + baseUrl + path + " not accepted within " + timeout);
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
