package org.example.forgotpassword.reset.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.ShippedWarFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cross-origin requests as a browser makes them, from an HTTP client: the preflight, the reply's
 * {@code Access-Control-*} headers, and the refusal (403, code 1005) of origins that are neither allowed nor the
 * service's own. The allowed origin is the test run's {@code HTTP_CORS_ALLOWED_ORIGINS} (set by the failsafe
 * plugin). What a real browser makes of these answers: {@link ForgotPasswordBrowserIT}.
 */
class CrossOriginIT extends ShippedWarFixture {

    static final String QUEUE = "password-reset-requests";
    static final String FOREIGN = "https://evil.example.net";

    String allowed;

    @BeforeEach
    void readTheAllowedOrigin() {
        allowed = allowedOrigin();
    }

    /** The one origin the failsafe plugin allows, e.g. http://127.0.0.1:40123. */
    static String allowedOrigin() {
        String configured = System.getenv("HTTP_CORS_ALLOWED_ORIGINS");
        assertThat(configured).as("HTTP_CORS_ALLOWED_ORIGINS of the test run").isNotBlank().doesNotContain(",");
        return configured;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/password/forgot/", "/password/forgot", "/password/reset/", "/password/reset",
            "/accounts/", "/accounts", "/login/", "/login"})
    void preflightFromAnAllowedOriginIsGrantedForEveryJsonPost(String path) {
        ApiClient.Reply answer = preflight(path, allowed);

        assertThat(answer.status()).as(path).isBetween(200, 299);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(allowed);
        assertThat(answer.header("Access-Control-Allow-Methods")).isEqualTo("POST");
        assertThat(answer.header("Access-Control-Allow-Headers")).isEqualTo("Content-Type, Accept-Language");
        assertThat(answer.header("Access-Control-Max-Age")).matches("[1-9][0-9]*");
        assertThat(answer.response().headers().allValues("Vary"))
                .anySatisfy(vary -> assertThat(vary).contains("Origin"));
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {FOREIGN, "null", "http://127.0.0.1", "https://127.0.0.1"})
    void preflightFromAnyOtherOriginIsRefused(String origin) {
        ApiClient.Reply answer = preflight("/password/forgot/", origin);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo(1005);
        assertThat(accessControlHeaders(answer)).isEmpty();
        assertThat(answer.response().headers().allValues("Vary"))
                .anySatisfy(vary -> assertThat(vary).contains("Origin"));
    }

    @Test
    void preflightForAnythingButTheJsonPostsIsNotGranted() {
        for (String path : List.of("/password/forgot/forgot.js", "/password/reset/page.css", "/ops/metrics")) {
            assertThat(accessControlHeaders(preflight(path, allowed))).as(path).isEmpty();
        }
    }

    @Test
    void replyToAnAllowedOriginCanBeReadByItWithoutCredentials() {
        ApiClient.Reply reply = api.post("/password/forgot/", "application/json",
                "{\"email\":\"" + uniqueAddress("allowed") + "\"}", Map.of("Origin", allowed));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isZero();
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(allowed);
        assertThat(reply.header("Access-Control-Expose-Headers")).isEqualTo("Retry-After");
        assertThat(reply.response().headers().allValues("Vary"))
                .anySatisfy(vary -> assertThat(vary).contains("Origin"));
        assertThat(reply.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void errorRepliesToAnAllowedOriginCanBeReadTooWithTheirRetryAfter() {
        String address = uniqueAddress("limited");
        ApiClient.Reply invalid = api.post("/password/forgot/", "application/json", "{\"email\":\"nobody\"}",
                Map.of("Origin", allowed));
        ApiClient.Reply limited = null;
        for (int i = 0; i < 4; i++) {
            limited = api.post("/password/forgot/", "application/json", "{\"email\":\"" + address + "\"}",
                    Map.of("Origin", allowed));
        }

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Access-Control-Allow-Origin")).isEqualTo(allowed);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(limited.header("Access-Control-Allow-Origin")).isEqualTo(allowed);
        assertThat(limited.header("Access-Control-Expose-Headers")).isEqualTo("Retry-After");
    }

    @ParameterizedTest
    @ValueSource(strings = {FOREIGN, "null", "http://127.0.0.1", "https://127.0.0.1", "not an origin"})
    void postFromAnyOtherOriginIsRefusedWithItsCodeAndQueuesNothing(String origin) {
        long queuedBefore = services.brokerProbe().messagesAdded(QUEUE);

        ApiClient.Reply json = api.post("/password/forgot/", "application/json",
                "{\"email\":\"" + uniqueAddress("refused") + "\"}", Map.of("Origin", origin));
        ApiClient.Reply form = api.postForm("/password/forgot", "email=" + ApiClient.encode(uniqueAddress("refused")),
                Map.of("Origin", origin));

        for (ApiClient.Reply reply : List.of(json, form)) {
            assertThat(reply.status()).as(origin).isEqualTo(403);
            assertThat(reply.code()).isEqualTo(1005);
            assertThat(reply.message()).isEqualTo(
                    "Requests from this web page are not accepted: its origin is not allowed to use this service.");
            assertThat(reply.body()).doesNotContain("Exception", "\tat ", "java.");
            assertThat(accessControlHeaders(reply)).isEmpty();
        }
        assertThat(services.brokerProbe().messagesAdded(QUEUE)).as("messages queued").isEqualTo(queuedBefore);
    }

    @Test
    void refusalSpeaksChineseToAChineseBrowser() {
        ApiClient.Reply reply = api.post("/password/forgot/", "application/json", "{\"email\":\"a@example.com\"}",
                Map.of("Origin", FOREIGN, "Accept-Language", "zh-CN,zh;q=0.9"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.message()).isEqualTo("不接受来自此网页的请求：该网页的来源未获准使用本服务。");
    }

    @Test
    void otherOriginsCannotCreateAccountsSignInOrResetEither() {
        String address = uniqueAddress("account");
        String form = "email=" + ApiClient.encode(address) + "&password=" + ApiClient.encode(PASSWORD);

        assertThat(api.postForm("/accounts/", form, Map.of("Origin", FOREIGN)).code()).isEqualTo(1005);
        assertThat(api.postForm("/login/", form, Map.of("Origin", FOREIGN)).code()).isEqualTo(1005);
        assertThat(api.postForm("/password/reset/",
                "token=" + "A".repeat(43) + "&password=" + ApiClient.encode(PASSWORD),
                Map.of("Origin", FOREIGN)).code()).isEqualTo(1005);
        assertThat(api.createAccount(address, PASSWORD, "en").status()).as("the refused request created nothing")
                .isEqualTo(201);
    }

    @Test
    void theServicesOwnPagesMayPost() {
        URI own = URI.create(base.toString());
        String origin = own.getScheme() + "://" + own.getAuthority();

        ApiClient.Reply fromOwnPage = api.post("/password/forgot/", "application/json",
                "{\"email\":\"" + uniqueAddress("own") + "\"}", Map.of("Origin", origin));

        assertThat(fromOwnPage.status()).isEqualTo(200);
        assertThat(fromOwnPage.header("Access-Control-Allow-Origin")).isNull();
    }

    /**
     * Behind a proxy that terminates TLS the service sees http while the page is https; a browser keeps the origin
     * back from a no-referrer page ("null"). Either way it says the page is of the same origin.
     */
    @ParameterizedTest
    @ValueSource(strings = {"https://reset.example.test", "null"})
    void aPageTheBrowserCallsSameOriginMayPost(String origin) {
        ApiClient.Reply reply = api.postForm("/password/forgot/",
                "email=" + ApiClient.encode(uniqueAddress("same-origin")),
                Map.of("Origin", origin, "Sec-Fetch-Site", "same-origin"));

        assertThat(reply.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cross-site", "same-site", "none"})
    void aPageTheBrowserCallsOfAnotherOriginMayNot(String site) {
        for (String origin : List.of("null", FOREIGN)) {
            ApiClient.Reply reply = api.postForm("/password/forgot/",
                    "email=" + ApiClient.encode(uniqueAddress("other")),
                    Map.of("Origin", origin, "Sec-Fetch-Site", site));

            assertThat(reply.code()).as(origin + ", " + site).isEqualTo(1005);
        }
    }

    @Test
    void requestsWithoutOriginWorkAsBefore() {
        ApiClient.Reply reply = api.post("/password/forgot/", "application/json",
                "{\"email\":\"" + uniqueAddress("no-origin") + "\"}", Map.of());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(accessControlHeaders(reply)).isEmpty();
    }

    @Test
    void plainOptionsAnswersAllowAndNothingElse() {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Origin", allowed))) {
            ApiClient.Reply answer = options("/password/forgot/", headers);

            assertThat(answer.status()).as("OPTIONS with " + headers).isEqualTo(204);
            assertThat(answer.header("Allow")).contains("POST");
            assertThat(answer.body()).isEmpty();
            assertThat(answer.header("Content-Type")).as("no WADL").isNull();
            assertThat(accessControlHeaders(answer)).isEmpty();
        }
    }

    @Test
    void pagesAreNotOpenedToOtherOrigins() {
        ApiClient.Reply page = api.get("/password/forgot/", Map.of("Origin", allowed));

        assertThat(page.status()).isEqualTo(200);
        assertThat(accessControlHeaders(page)).isEmpty();
    }

    private ApiClient.Reply preflight(String path, String origin) {
        return options(path, Map.of("Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,accept-language"));
    }

    private ApiClient.Reply options(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return api.send(request.build());
    }

    private static Map<String, List<String>> accessControlHeaders(ApiClient.Reply reply) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        reply.response().headers().map().forEach((name, values) -> {
            if (name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-")) {
                found.put(name, values);
            }
        });
        return found;
    }
}
