package org.example.forgotpassword.reset.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.ShippedWarFixture;
import org.example.forgotpassword.it.MailInbox.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /password/forgot/} from the outside, as a front end uses it: the WAR the build ships runs in Payara
 * Micro with the Artemis resource adapter, against a real broker and a real mail server.
 */
class ForgotPasswordIT extends ShippedWarFixture {

    static final String QUEUE = "password-reset-requests";
    static final String CONFIGURED_BASE_URL = "https://reset.example.test";
    static final String PREFIX = "[Forgot Password TEST]";

    @Test
    void formRequestIsAcceptedAtOnceAndTheMailArrivesWithPrefixBothPartsAndTheConfiguredLink() {
        String address = account("someone", "en");

        ApiClient.Reply reply = api.postForm("/password/forgot/", "email=" + address,
                Map.of("Host", "evil.example.net", "X-Forwarded-Host", "evil.example.net"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isZero();
        assertThat(reply.message()).isNotBlank();
        assertThat(reply.header("Content-Type")).startsWith("application/json");

        ReceivedMail mail = services.inbox().await(address, 1, MAIL_WAIT).get(0);
        assertThat(mail.to()).containsExactly(address);
        assertThat(mail.subject()).startsWith(PREFIX + " ");
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.partTypes()).containsExactly("text/plain", "text/html");
        String link = resetLinkIn(mail.text());
        assertThat(link).startsWith(CONFIGURED_BASE_URL + "/password/reset/?token=");
        assertThat(link.substring(link.indexOf("token=") + 6)).matches("[A-Za-z0-9_-]{43,}");
        assertThat(mail.html()).contains("href=\"" + link + "\"");
        assertThat(mail.text() + mail.html()).doesNotContain("evil.example.net");
        assertThat(mail.messageId()).isNotBlank();
    }

    @Test
    void jsonBodyWorksLikeTheForm() {
        String address = account("json", null);

        ApiClient.Reply reply = api.post("/password/forgot/", "application/json",
                "{\"email\":\"" + address + "\"}", Map.of());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isZero();
        assertThat(services.inbox().await(address, 1, MAIL_WAIT)).hasSize(1);
    }

    @Test
    void pathWorksWithoutTheTrailingSlash() {
        String address = account("noslash", null);

        ApiClient.Reply reply = api.postForm("/password/forgot", "email=" + address, Map.of());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(services.inbox().await(address, 1, MAIL_WAIT)).hasSize(1);
    }

    @Test
    void chineseSpeakingClientGetsAChineseReplyAndTheMailInTheAccountsLanguage() {
        String address = account("zh", null);

        ApiClient.Reply reply = api.postForm("/password/forgot/", "email=" + address,
                Map.of("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.message()).contains("重置");
        // the account was created by an English-speaking client: its locale wins over this request's
        ReceivedMail english = services.inbox().await(address, 1, MAIL_WAIT).get(0);
        assertThat(english.subject()).isEqualTo(PREFIX + " Reset your password");
    }

    @Test
    void accountsLanguageWinsOverTheRequestsForTheMail() {
        String address = account("zh-account", "zh-CN");

        ApiClient.Reply reply = api.postForm("/password/forgot/", "email=" + address,
                Map.of("Accept-Language", "en"));

        assertThat(reply.status()).isEqualTo(200);
        ReceivedMail mail = services.inbox().await(address, 1, MAIL_WAIT).get(0);
        assertThat(mail.subject()).isEqualTo(PREFIX + " 重置您的密码");
        assertThat(mail.text()).contains("分钟内");
    }

    static Stream<Arguments> badRequests() {
        String victim = "victim@example.com";
        String tooLong = "a".repeat(250) + "@example.com";
        String padding = "x".repeat(5000);
        return Stream.of(
                Arguments.of("no email field", "application/x-www-form-urlencoded", "name=someone", 400, 1001),
                Arguments.of("empty email", "application/x-www-form-urlencoded", "email=", 400, 1001),
                Arguments.of("not an address", "application/x-www-form-urlencoded", "email=someone", 400, 1001),
                Arguments.of("over 254 characters", "application/x-www-form-urlencoded", "email=" + tooLong, 400, 1001),
                Arguments.of("CR/LF header injection", "application/x-www-form-urlencoded",
                        "email=attacker%40example.com%0D%0ABcc%3A%20" + victim, 400, 1001),
                Arguments.of("LF header injection in JSON", "application/json",
                        "{\"email\":\"attacker@example.com\\nBcc: " + victim + "\"}", 400, 1001),
                Arguments.of("email not a string", "application/json", "{\"email\":42}", 400, 1001),
                Arguments.of("malformed JSON", "application/json", "{\"email\":", 400, 1002),
                Arguments.of("JSON array", "application/json", "[\"someone@example.com\"]", 400, 1002),
                Arguments.of("email given twice", "application/x-www-form-urlencoded",
                        "email=a%40example.com&email=" + victim, 400, 1002),
                Arguments.of("plain text", "text/plain", "email=someone@example.com", 415, 1003),
                Arguments.of("XML", "application/xml", "<email>someone@example.com</email>", 415, 1003),
                Arguments.of("no content type", null, "email=someone@example.com", 415, 1003),
                Arguments.of("body over the limit", "application/x-www-form-urlencoded",
                        "email=someone%40example.com&pad=" + padding, 413, 1004));
    }

    @ParameterizedTest(name = "{0} → {3}/{4}")
    @MethodSource("badRequests")
    void badRequestIsRejectedWithItsCodeAndQueuesNothing(String what, String contentType, String body,
                                                           int status, int code) {
        long queuedBefore = services.brokerProbe().messagesAdded(QUEUE);

        ApiClient.Reply reply = api.post("/password/forgot/", contentType, body, Map.of());

        assertThat(reply.status()).as(what).isEqualTo(status);
        assertThat(reply.json()).as("JSON reply for " + what + ": " + reply.body()).isNotNull();
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.message()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "java.");
        assertThat(services.brokerProbe().messagesAdded(QUEUE)).as("messages queued").isEqualTo(queuedBefore);
    }

    @Test
    void chunkedBodyOverTheLimitIsRejectedToo() {
        long queuedBefore = services.brokerProbe().messagesAdded(QUEUE);
        var request = java.net.http.HttpRequest.newBuilder(api.uri("/password/forgot/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("email=someone%40example.com&pad=" + "x".repeat(20_000)).getBytes())))
                .build();

        ApiClient.Reply reply = api.send(request);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo(1004);
        assertThat(services.brokerProbe().messagesAdded(QUEUE)).isEqualTo(queuedBefore);
    }

    @Test
    void rejectedRequestsSendNoMail() {
        String attacker = uniqueAddress("attacker");
        String victim = uniqueAddress("victim");
        api.postForm("/password/forgot/", "email=" + attacker + "%0D%0ABcc%3A%20" + victim, Map.of());
        api.postForm("/password/forgot/", "email=" + attacker + "&email=" + victim, Map.of());
        String sentinel = account("sentinel", null);
        api.forgot(sentinel);

        services.inbox().await(sentinel, 1, MAIL_WAIT);

        assertThat(services.inbox().mailsFor(attacker)).isEmpty();
        assertThat(services.inbox().mailsFor(victim)).isEmpty();
    }

    @Test
    void unknownPathsAndMethodsGetJsonErrorsWithoutStackTraces() {
        ApiClient.Reply notFound = api.send(
                java.net.http.HttpRequest.newBuilder(api.uri("/no/such/thing")).GET().build());
        ApiClient.Reply wrongMethod = api.send(
                java.net.http.HttpRequest.newBuilder(api.uri("/password/forgot/")).DELETE().build());

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.code()).isEqualTo(1404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo(1405);
    }

    @Test
    void forgotPageIsSelfContainedUncachedUnframeableAndSendsNoReferrer() {
        for (String path : List.of("/password/forgot/", "/password/forgot")) {
            ApiClient.Reply page = api.get(path, Map.of());

            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.header("Cache-Control")).contains("no-store");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'",
                    "connect-src 'self'", "frame-ancestors 'none'", "form-action 'self'");
            assertThat(page.body()).contains("<script src=\"/password/forgot/page.js\"></script>",
                            "<script src=\"/password/forgot/forgot.js\"></script>",
                            "<link rel=\"stylesheet\" href=\"/password/forgot/page.css\">")
                    .doesNotContain("http://", "https://", "<script>", "style=\"", "onclick", "/password/reset/");
        }
        for (String[] file : new String[][] {{"/password/forgot/forgot.js", "text/javascript"},
                {"/password/forgot/page.js", "text/javascript"},
                {"/password/forgot/page.css", "text/css"}}) {
            ApiClient.Reply reply = api.get(file[0], Map.of());

            assertThat(reply.status()).as(file[0]).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith(file[1]);
            assertThat(reply.header("Content-Security-Policy")).contains("default-src 'none'");
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void forgotPageSpeaksChineseToAChineseBrowserAndEnglishToEveryOther() {
        ApiClient.Reply chinese = api.get("/password/forgot/", Map.of("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"));
        ApiClient.Reply french = api.get("/password/forgot/", Map.of("Accept-Language", "fr-FR,fr;q=0.9"));

        assertThat(chinese.body()).contains("<html lang=\"zh-CN\"", "<title>忘记密码？</title>");
        assertThat(chinese.header("Content-Language")).startsWith("zh");
        assertThat(french.body()).contains("<html lang=\"en\"", "<title>Forgot your password?</title>");
        assertThat(french.header("Content-Language")).startsWith("en");
    }

    static String resetLinkIn(String text) {
        Matcher link = Pattern.compile("https?://\\S+/password/reset/\\?token=\\S+").matcher(text);
        assertThat(link.find()).as("reset link in: " + text).isTrue();
        return link.group();
    }

}
