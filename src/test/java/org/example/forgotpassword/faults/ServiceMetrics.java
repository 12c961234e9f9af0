package org.example.forgotpassword.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads one sample of the service's {@code GET /ops/metrics} (Prometheus text), as a monitoring system would. */
final class ServiceMetrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceMetrics() {
    }

    /** @param sample the metric name with its labels as printed, e.g. {@code x_total{kind="transient"}} */
    static long value(String baseUrl, String sample) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/ops/metrics"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                    .map(line -> (long) Double.parseDouble(line.substring(sample.length() + 1).trim()))
                    .orElseThrow(() -> new AssertionError(sample + " not in\n" + text));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the metrics of " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
