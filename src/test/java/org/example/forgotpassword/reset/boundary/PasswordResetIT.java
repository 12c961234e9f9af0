package org.example.forgotpassword.reset.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.ShippedWarFixture;
import org.example.forgotpassword.it.MailInbox.ReceivedMail;
import org.junit.jupiter.api.Test;

/**
 * The whole password reset as a user lives it, from outside: accounts, the mail, the page it links to, the new
 * password, and every way a token must stop working. Token lifetime in the test profile: 15 s.
 */
class PasswordResetIT extends ShippedWarFixture {

    static final String OLD_PASSWORD = PASSWORD;
    static final String NEW_PASSWORD = "a brand new passphrase for spring";
    static final Pattern TOKEN = Pattern.compile("/password/reset/\\?token=([A-Za-z0-9_-]+)");

    @Test
    void forgotMailPageResetThenLoginWithTheNewPasswordOnly() {
        String address = account("flow", "en");

        assertThat(api.forgot(address).status()).isEqualTo(200);
        String token = tokenFrom(services.inbox().await(address, 1, MAIL_WAIT).get(0));

        ApiClient.Reply page = api.get("/password/reset/?token=" + token, Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("value=\"" + token + "\"", "<html lang=\"en\"",
                "autocomplete=\"new-password\"");

        ApiClient.Reply reset = api.resetPassword(token, NEW_PASSWORD);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.code()).isZero();

        assertThat(api.login(address, NEW_PASSWORD).status()).isEqualTo(200);
        ApiClient.Reply oldPassword = api.login(address, OLD_PASSWORD);
        assertThat(oldPassword.status()).isEqualTo(401);
        assertThat(oldPassword.code()).isEqualTo(1301);

        ReceivedMail notice = services.inbox().await(address, 2, MAIL_WAIT).get(1);
        assertThat(notice.subject()).isEqualTo("[Forgot Password TEST] Your password was changed");
        assertThat(notice.partTypes()).containsExactly("text/plain", "text/html");
        assertThat(notice.text()).doesNotContain(token).contains("/password/forgot/");
    }

    @Test
    void afterTemporaryMailServerFailuresTheOneMailedLinkWorks() {
        String address = account("retried", "en");
        services.smtpRelay().failNextTransactions(2);
        try {
            assertThat(api.forgot(address).status()).isEqualTo(200);
            String token = tokenFrom(services.inbox().await(address, 1, Duration.ofSeconds(45)).get(0));

            assertThat(api.resetPassword(token, NEW_PASSWORD).status()).isEqualTo(200);
        } finally {
            services.smtpRelay().failNextTransactions(0);
        }
        assertThat(services.inbox().await(address, 2, MAIL_WAIT).get(1).subject())
                .endsWith("Your password was changed");
        assertThat(services.inbox().mailsFor(address)).as("one reset mail for three attempts, then the notice")
                .hasSize(2);
    }

    @Test
    void passwordChangedNoticeIsSentOnceWhenItsFirstAttemptAfterTheCommitFails() throws InterruptedException {
        String address = account("notice-retried", "en");
        String token = freshToken(address);
        services.smtpRelay().failNextTransactions(1);
        try {
            assertThat(api.resetPassword(token, NEW_PASSWORD).status()).isEqualTo(200);

            ReceivedMail notice = services.inbox().await(address, 2, MAIL_WAIT).get(1);
            assertThat(notice.subject()).isEqualTo("[Forgot Password TEST] Your password was changed");
        } finally {
            services.smtpRelay().failNextTransactions(0);
        }
        Thread.sleep(Duration.ofSeconds(8).toMillis());
        assertThat(services.inbox().mailsFor(address)).as("the reset mail and one notice").hasSize(2);
    }

    @Test
    void resetPageIsSelfContainedUncachedUnframeableAndSendsNoReferrer() {
        ApiClient.Reply page = api.get("/password/reset/?token=" + "A".repeat(43), Map.of());

        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'");
        assertThat(page.body()).doesNotContain("http://", "https://", "<script>", "style=\"", "onclick");
        assertThat(api.get("/password/reset/reset.js", Map.of()).header("Content-Type")).startsWith("text/javascript");
        assertThat(api.get("/password/reset/page.js", Map.of()).header("Content-Type")).startsWith("text/javascript");
        assertThat(api.get("/password/reset/page.css", Map.of()).header("Content-Type")).startsWith("text/css");
    }

    @Test
    void resetPageSpeaksChineseToAChineseBrowser() {
        ApiClient.Reply page = api.get("/password/reset/?token=x", Map.of("Accept-Language", "zh-CN,zh;q=0.9"));

        assertThat(page.body()).contains("<html lang=\"zh-CN\"", "设置新密码");
        assertThat(page.body()).contains("value=\"\"").as("a malformed token is not echoed");
    }

    @Test
    void unknownAddressGetsTheSameReplyAndNoMail() {
        String known = account("known", "en");
        String unknown = uniqueAddress("unknown");

        ApiClient.Reply forKnown = api.forgot(known);
        ApiClient.Reply forUnknown = api.forgot(unknown);

        assertThat(forUnknown.status()).isEqualTo(forKnown.status()).isEqualTo(200);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(headersWithoutDate(forUnknown)).isEqualTo(headersWithoutDate(forKnown));
        services.inbox().await(known, 1, MAIL_WAIT);
        String later = account("later", "en");
        api.forgot(later);
        services.inbox().await(later, 1, MAIL_WAIT);
        assertThat(services.inbox().mailsFor(unknown)).isEmpty();
    }

    @Test
    void usedTokenCannotBeUsedAgain() {
        String token = freshToken(account("reuse", "en"));
        assertThat(api.resetPassword(token, NEW_PASSWORD).status()).isEqualTo(200);

        ApiClient.Reply again = api.resetPassword(token, "yet another passphrase here");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo(1101);
    }

    @Test
    void tamperedOrMadeUpTokensAreRefused() {
        String token = freshToken(account("tamper", "en"));
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String bad : List.of(tampered, "A".repeat(43), "short", token + "x", "../../etc/passwd")) {
            ApiClient.Reply reply = api.resetPassword(bad, NEW_PASSWORD);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.code()).as(bad).isEqualTo(1101);
        }
        assertThat(api.resetPassword(token, NEW_PASSWORD).status()).as("the real one still works").isEqualTo(200);
    }

    @Test
    void olderTokenStopsWorkingWhenANewerOneIsRequested() {
        String address = account("newer", "en");
        String older = freshToken(address);
        assertThat(api.forgot(address).status()).isEqualTo(200);
        String newer = tokenFrom(services.inbox().await(address, 2, MAIL_WAIT).get(1));

        assertThat(api.resetPassword(older, NEW_PASSWORD).code()).isEqualTo(1101);
        assertThat(api.resetPassword(newer, NEW_PASSWORD).code()).isZero();
    }

    @Test
    void expiredTokenIsRefused() throws InterruptedException {
        String token = freshToken(account("expiry", "en"));

        Thread.sleep(Duration.ofSeconds(16).toMillis());

        ApiClient.Reply reply = api.resetPassword(token, NEW_PASSWORD);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(1101);
    }

    @Test
    void weakPasswordIsRefusedAndTheTokenStaysUsable() {
        String address = account("weak", "en");
        String token = freshToken(address);

        for (String weak : List.of("short", "password123", "12345678", address)) {
            ApiClient.Reply reply = api.resetPassword(token, weak);
            assertThat(reply.status()).as(weak).isEqualTo(400);
            assertThat(reply.code()).as(weak).isEqualTo(1102);
        }
        assertThat(api.resetPassword(token, NEW_PASSWORD).code()).isZero();
    }

    @Test
    void resetAcceptsJsonToo() {
        String token = freshToken(account("json-reset", "en"));

        ApiClient.Reply reply = api.post("/password/reset/", "application/json",
                "{\"token\":\"" + token + "\",\"password\":\"" + NEW_PASSWORD + "\"}", Map.of());

        assertThat(reply.code()).isZero();
    }

    @Test
    void forgotIsLimitedPerAddressAndNoMoreMailsThanTheLimitGoOut() throws InterruptedException {
        String address = account("limited", "en");
        List<ApiClient.Reply> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            replies.add(new ApiClient(base.toString()).forgot(address));
        }

        assertThat(replies).extracting(ApiClient.Reply::status).containsExactly(200, 200, 200, 429, 429);
        assertThat(replies.get(3).code()).isEqualTo(1429);
        assertThat(Integer.parseInt(replies.get(3).header("Retry-After"))).isBetween(1, 15 * 60);
        services.inbox().await(address, 3, MAIL_WAIT);
        Thread.sleep(2000);
        assertThat(services.inbox().mailsFor(address)).hasSize(3);
    }

    @Test
    void forgotIsLimitedPerClientForUnknownAddressesAlike() {
        ApiClient oneClient = new ApiClient(base.toString());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            statuses.add(oneClient.forgot(uniqueAddress("many")).status());
        }

        assertThat(statuses.subList(0, 20)).containsOnly(200);
        assertThat(statuses.get(20)).isEqualTo(429);
    }

    @Test
    void loginIsLimitedPerAddress() {
        String address = account("guessing", "en");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(new ApiClient(base.toString()).login(address, "wrong passphrase " + i).status());
        }

        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.get(10)).isEqualTo(429);
    }

    @Test
    void accountsAreUniquePerAddressWhateverTheCase() {
        String address = account("unique", "en");

        ApiClient.Reply again = api.createAccount(address.toUpperCase(), OLD_PASSWORD, "en");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo(1201);
        assertThat(api.login(address.toUpperCase(), OLD_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void accountWithAWeakPasswordOrUnknownLanguageIsRefused() {
        assertThat(api.createAccount(uniqueAddress("weak"), "password", "en").code()).isEqualTo(1102);
        assertThat(api.createAccount(uniqueAddress("lang"), OLD_PASSWORD, "fr").code()).isEqualTo(1002);
    }

    @Test
    void loginForAnUnknownAddressLooksLikeAWrongPassword() {
        ApiClient.Reply unknown = api.login(uniqueAddress("nobody"), OLD_PASSWORD);
        ApiClient.Reply wrong = api.login(account("somebody", "en"), "not the passphrase at all");

        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    private String freshToken(String address) {
        int before = services.inbox().mailsFor(address).size();
        assertThat(api.forgot(address).status()).isEqualTo(200);
        return tokenFrom(services.inbox().await(address, before + 1, MAIL_WAIT).get(before));
    }

    static String tokenFrom(ReceivedMail mail) {
        Matcher token = TOKEN.matcher(mail.text());
        assertThat(token.find()).as("reset link in " + mail.text()).isTrue();
        return token.group(1);
    }

    static Map<String, List<String>> headersWithoutDate(ApiClient.Reply reply) {
        var headers = new java.util.TreeMap<>(reply.response().headers().map());
        headers.remove("date");
        return headers;
    }
}
