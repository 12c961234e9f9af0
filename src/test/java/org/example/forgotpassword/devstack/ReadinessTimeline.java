package org.example.forgotpassword.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a load balancer sees of a starting server: from launch on, every 100 ms, the readiness probe
 * ({@code GET /health/ready}) and then one of the application's own paths ({@code GET /password/reset/}). A
 * readiness of 200 while the application does not yet answer its own paths is what must never happen.
 */
public final class ReadinessTimeline implements AutoCloseable {

    /** One look: milliseconds since launch, the two status codes (0: no connection). */
    public record Look(long millis, int ready, int application) {

        public boolean readyBeforeTheApplication() {
            return ready == 200 && application != 200;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final String readinessUrl;
    private final String applicationUrl;
    private final List<Look> looks = new ArrayList<>();
    private final Thread poller;
    private final long started = System.nanoTime();
    private volatile boolean stopped;

    private ReadinessTimeline(String readinessUrl, String applicationUrl) {
        this.readinessUrl = readinessUrl;
        this.applicationUrl = applicationUrl;
        this.poller = new Thread(this::poll, "readiness-timeline");
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts looking at once; call before the server is launched. */
    public static ReadinessTimeline watch(String baseUrl) {
        return watch(baseUrl + "/health/ready", baseUrl);
    }

    /**
     * For a server whose readiness is not on the application's port (WildFly: its management port).
     * @param applicationBaseUrl where the application's {@code /password/reset/} is
     */
    public static ReadinessTimeline watch(String readinessUrl, String applicationBaseUrl) {
        return new ReadinessTimeline(readinessUrl, applicationBaseUrl + "/password/reset/");
    }

    private void poll() {
        while (!stopped) {
            int ready = status(readinessUrl);
            int application = status(applicationUrl);
            synchronized (looks) {
                looks.add(new Look((System.nanoTime() - started) / 1_000_000, ready, application));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    public List<Look> looks() {
        synchronized (looks) {
            return List.copyOf(looks);
        }
    }

    /** The first look with each status, in order: a readable timeline for the test's output. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        Look previous = null;
        for (Look look : looks()) {
            if (previous == null || previous.ready() != look.ready() || previous.application() != look.application()) {
                text.append(String.format("%n  %6.1f s: /health/ready %s, /password/reset/ %s", look.millis() / 1000.0,
                        look.ready() == 0 ? "no connection" : look.ready(),
                        look.application() == 0 ? "no connection" : look.application()));
            }
            previous = look;
        }
        return text.toString();
    }

    @Override
    public void close() {
        stopped = true;
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
