package org.example.forgotpassword.it.load;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.example.forgotpassword.devstack.Wait;
import org.example.forgotpassword.it.ApiClient;

/** Counts and waits for the mails each recipient has on the test mail server (GreenMail's REST API). */
public final class MailTally {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String webUrl;

    public MailTally(String webUrl) {
        this.webUrl = webUrl;
    }

    /**
     * The mails GreenMail holds for an address: none when it has no mailbox yet (GreenMail answers 4xx for an
     * address that never received a mail). A server error is asked again before it fails the test, so that a
     * hiccup of the test's mail server is never counted as a lost mail.
     */
    public JsonArray mailsFor(String address) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(webUrl + "/api/user/" + ApiClient.encode(address) + "/messages/"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    try (var reader = Json.createReader(new StringReader(response.body()))) {
                        return reader.readArray();
                    }
                }
                if (response.statusCode() < 500) {
                    return JsonArray.EMPTY_JSON_ARRAY;
                }
                if (attempt == 3) {
                    throw new IllegalStateException("The mail server answers " + response.statusCode()
                            + " for the mails of " + address);
                }
                Thread.sleep(500);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the mails of " + address, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first mail GreenMail holds for an address, once there is one: fails after {@code timeout}. */
    public JsonObject awaitFirst(String address, Duration timeout) {
        if (!Wait.until(() -> !mailsFor(address).isEmpty(), timeout, Duration.ofMillis(250))) {
            throw new AssertionError("No mail for " + address + " on the mail server within " + timeout);
        }
        return mailsFor(address).getJsonObject(0);
    }

    /** @return the mails each address holds now, 0 included; an address given twice is counted once */
    public Map<String, Integer> countsFor(Collection<String> addresses) {
        Map<String, Integer> counts = new HashMap<>();
        for (String address : addresses) {
            counts.computeIfAbsent(address, mailbox -> mailsFor(mailbox).size());
        }
        return counts;
    }
}
