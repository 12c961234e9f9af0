package org.example.forgotpassword.reset.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

import org.example.forgotpassword.it.BrowserFixture;
import org.example.forgotpassword.it.BrowserFixture.NeedsChromium;
import org.example.forgotpassword.it.HeadlessChromium;
import org.example.forgotpassword.it.MailInbox.ReceivedMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "I forgot my password" from a real browser (headless Chromium, {@link HeadlessChromium}): on the service's own
 * page, and from a front end on a second origin, a page that a small HTTP server of the test serves on loopback
 * and whose script posts JSON to the service with {@code fetch}. From the allowed origin (the test run's
 * {@code HTTP_CORS_ALLOWED_ORIGINS}, whose port the test binds) the browser lets the page read the reply and the
 * mail arrives; from any other origin it blocks the reply, and the service refuses what reaches it: no mail.
 * What {@link CrossOriginIT} cannot see: the browser's own verdict on the service's answers.
 */
@NeedsChromium
class ForgotPasswordBrowserIT extends BrowserFixture {

    static final String QUEUE = "password-reset-requests";
    static final String ACCEPTED_EN = "If an account exists for this address, a password reset email is on its way.";
    static final String ACCEPTED_ZH = "如果该地址对应的账户存在，密码重置邮件正在发送中。";

    HttpServer frontEnd;

    @AfterEach
    void stopTheFrontEnd() {
        if (frontEnd != null) {
            frontEnd.stop(0);
            frontEnd = null;
        }
    }

    /** The page and its reply speak the browser's language; the mail, the account's (English). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en-US | en-US,en | Forgot your password? | " + ACCEPTED_EN,
            "zh-CN | zh-CN,zh | 忘记密码？             | " + ACCEPTED_ZH})
    void userAsksForTheLinkOnTheServicesPageAndTheMailArrives(String uiLanguage, String acceptLanguages,
            String title, String accepted) {
        String address = account("page-" + uiLanguage);
        startBrowser(uiLanguage, acceptLanguages);

        ForgotPage page = ForgotPage.open(browser, base);
        assertThat(browser.getTitle()).isEqualTo(title);
        page.submit(address);

        page.awaitResult();
        assertThat(page.result().getText()).isEqualTo(accepted);
        assertThat(page.result().getDomAttribute("class")).isEqualTo("success");
        assertThat(consoleErrors()).as("errors in the browser console").isEmpty();
        assertThat(services.inbox().await(address, 1, MAIL_WAIT).get(0).subject()).endsWith("Reset your password");
    }

    @Test
    void pageShowsTheRefusalOnceTheLimitIsReached() {
        String address = account("page-limit");
        startBrowser("en-US", "en-US,en");
        ForgotPage page = ForgotPage.open(browser, base);

        for (int attempt = 1; attempt <= 3; attempt++) {
            page.submit(address);
            page.awaitDone();
            assertThat(page.result().getText()).as("attempt " + attempt).isEqualTo(ACCEPTED_EN);
        }
        page.submit(address);
        page.awaitDone();

        assertThat(page.result().getText()).isEqualTo("Too many attempts. Please wait a moment and try again.");
        assertThat(page.result().getDomAttribute("class")).isEqualTo("error");
    }

    @Test
    void frontEndOnTheAllowedOriginReadsTheReplyAndTheMailArrives() throws IOException {
        String address = account("front-end");
        URI origin = URI.create(CrossOriginIT.allowedOrigin());
        frontEnd = serve(origin.getPort(), frontEndPage(address));
        startBrowser("en-US", "en-US,en");

        browser.get(origin + "/");

        assertThat(awaitText("json")).isEqualTo("reply: " + ACCEPTED_ZH);
        assertThat(consoleErrors()).as("errors in the browser console").isEmpty();
        ReceivedMail mail = services.inbox().await(address, 1, MAIL_WAIT).get(0);
        assertThat(mail.subject()).endsWith("Reset your password");
    }

    @Test
    void frontEndOnAnyOtherOriginIsBlockedAndNoMailIsSent() throws IOException {
        String address = account("blocked");
        frontEnd = serve(0, frontEndPage(address));
        String origin = "http://127.0.0.1:" + frontEnd.getAddress().getPort();
        assertThat(origin).isNotEqualTo(CrossOriginIT.allowedOrigin());
        startBrowser("en-US", "en-US,en");
        long queuedBefore = services.brokerProbe().messagesAdded(QUEUE);

        browser.get(origin + "/");

        assertThat(awaitText("json")).as("JSON: the preflight is refused").startsWith("fetch failed: TypeError");
        assertThat(awaitText("form")).as("a form POST, sent without a preflight, is refused")
                .startsWith("fetch failed: TypeError");
        assertThat(services.brokerProbe().messagesAdded(QUEUE)).as("messages queued").isEqualTo(queuedBefore);
        String sentinel = account("sentinel");
        api.forgot(sentinel);
        services.inbox().await(sentinel, 1, MAIL_WAIT);
        assertThat(services.inbox().mailsFor(address)).isEmpty();
    }

    /**
     * A front end's page: one JSON POST (which the browser preflights, as its content type is not a form's) and,
     * only where the origin is refused, one form POST (which the browser sends without asking). It asks for
     * Chinese, a header the preflight must allow. Each shows the reply's message or the fetch error.
     */
    private String frontEndPage(String address) {
        String service = URI.create(base.toString()).resolve("/password/forgot/").toString();
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="UTF-8"><title>A front end</title></head>
                <body><p id="json"></p><p id="form"></p>
                <script>
                function show(id, reply) {
                  reply.then(function (response) { return response.json(); })
                    .then(function (json) { document.getElementById(id).textContent = 'reply: ' + json.message; })
                    .catch(function (error) { document.getElementById(id).textContent = 'fetch failed: ' + error; });
                }
                var service = '%s', email = '%s';
                show('json', fetch(service, { method: 'POST',
                  headers: { 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' },
                  body: JSON.stringify({ email: email }) }));
                if (location.port !== '%d') {
                  show('form', fetch(service, { method: 'POST',
                    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                    body: 'email=' + encodeURIComponent(email) }));
                }
                </script></body></html>
                """.formatted(service, address, URI.create(CrossOriginIT.allowedOrigin()).getPort());
    }

    /** The front end's server: one page, on 127.0.0.1 (port 0: any free one). */
    private static HttpServer serve(int port, String page) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private String awaitText(String id) {
        WebElement element = browser.findElement(By.id(id));
        new WebDriverWait(browser, HeadlessChromium.PAGE_WAIT)
                .withMessage(() -> "text in #" + id)
                .until(driver -> !element.getText().isBlank());
        return element.getText();
    }

    /** The service's forgot page as the user sees it. */
    record ForgotPage(WebDriver browser) {

        static ForgotPage open(WebDriver browser, URL base) {
            browser.get(URI.create(base.toString()).resolve("/password/forgot/").toString());
            return new ForgotPage(browser);
        }

        WebElement result() {
            return browser.findElement(By.id("result"));
        }

        void submit(String address) {
            WebElement input = browser.findElement(By.id("email"));
            input.clear();
            input.sendKeys(address);
            browser.findElement(By.id("submit")).click();
        }

        void awaitResult() {
            new WebDriverWait(browser, HeadlessChromium.PAGE_WAIT)
                    .withMessage(() -> "an answer in #result")
                    .until(driver -> !result().getText().isBlank());
        }

        /** Waits until the reply is shown: the script disables the button while it waits for it. */
        void awaitDone() {
            new WebDriverWait(browser, HeadlessChromium.PAGE_WAIT)
                    .withMessage(() -> "the button enabled again with an answer in #result")
                    .until(driver -> browser.findElement(By.id("submit")).isEnabled() && !result().getText().isBlank());
        }
    }

    private String account(String name) {
        return account(name, "en");
    }
}
