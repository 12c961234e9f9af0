package org.example.forgotpassword.it.load;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;

import org.example.forgotpassword.it.ApiClient;

/** Counts the mails each recipient has on the test mail server (GreenMail's REST API). */
public final class MailTally {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String webUrl;

    public MailTally(String webUrl) {
        this.webUrl = webUrl;
    }

    public JsonArray mailsFor(String address) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(webUrl + "/api/user/" + ApiClient.encode(address) + "/messages/"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return JsonArray.EMPTY_JSON_ARRAY;
            }
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readArray();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the mails of " + address, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until every address has a mail, or until nothing new arrived for {@code quiet} (the rest is lost), then
     * counts each address's mails. @return mails per address, 0 included
     */
    public Map<String, Integer> awaitOneEach(Collection<String> addresses, Duration quiet) throws InterruptedException {
        Set<String> waiting = new HashSet<>(addresses);
        Instant lastProgress = Instant.now();
        while (!waiting.isEmpty() && Instant.now().isBefore(lastProgress.plus(quiet))) {
            int before = waiting.size();
            waiting.removeIf(address -> !mailsFor(address).isEmpty());
            if (waiting.size() < before) {
                lastProgress = Instant.now();
            } else {
                Thread.sleep(500);
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String address : addresses) {
            counts.put(address, mailsFor(address).size());
        }
        return counts;
    }
}
