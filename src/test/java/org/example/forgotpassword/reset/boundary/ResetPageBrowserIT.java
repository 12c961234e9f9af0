package org.example.forgotpassword.reset.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.example.forgotpassword.it.BrowserFixture;
import org.example.forgotpassword.it.BrowserFixture.NeedsChromium;
import org.example.forgotpassword.it.HeadlessChromium;
import org.example.forgotpassword.it.MailInbox.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reset page in a real browser: headless Chromium opens the link from the mail, the user types the new
 * password twice and submits, and the page's script posts it and shows the service's answer. This is what
 * {@link PasswordResetIT} cannot see from an HTTP client: the script, the page's content security policy (a
 * violation shows in the browser console, which must stay free of errors), the form's validation and the language
 * the browser asks for.
 * <p>
 * Uses the system's Chromium and ChromeDriver ({@link HeadlessChromium}); the class is skipped when they are
 * missing. Token lifetime in the test profile: 15 s, so the browser is
 * started before the reset is requested and the link is opened as soon as the mail is there.
 */
@NeedsChromium
class ResetPageBrowserIT extends BrowserFixture {

    static final String OLD_PASSWORD = PASSWORD;
    static final String NEW_PASSWORD = "a brand new passphrase for spring";
    static final Duration PAGE_WAIT = HeadlessChromium.PAGE_WAIT;
    /** The link as the HTML part of the reset mail has it (what the user clicks). */
    static final Pattern LINK = Pattern.compile("href=\"([^\"]*/password/reset/\\?token=[A-Za-z0-9_-]+)\"");

    /** The page speaks the browser's language (English or Chinese), whatever the account's. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en-US | en-US,en | en | Choose a new password"
                    + " | Your password has been changed. You can now sign in with it.",
            "zh-CN | zh-CN,zh | zh | 设置新密码 | 您的密码已修改，现在可以使用新密码登录。"})
    void userOpensTheLinkFromTheMailChoosesANewPasswordAndCanSignInWithIt(String uiLanguage, String acceptLanguages,
            String accountLocale, String title, String changed) {
        startBrowser(uiLanguage, acceptLanguages);
        String address = account("browser-" + accountLocale, accountLocale);

        ResetPage page = openLinkFromMail(address);
        assertThat(browser.getTitle()).isEqualTo(title);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        page.submit(NEW_PASSWORD, NEW_PASSWORD);

        page.awaitResult();
        assertThat(page.result().getText()).isEqualTo(changed);
        assertThat(page.result().getDomAttribute("class")).isEqualTo("success");
        assertThat(page.form().isDisplayed()).as("the form is hidden after the change").isFalse();
        assertThat(consoleErrors()).as("errors in the browser console").isEmpty();
        assertThat(api.login(address, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(api.login(address, OLD_PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void mismatchedConfirmationIsCaughtOnThePage() {
        startBrowser("en-US", "en-US,en");
        String address = account("browser-mismatch", "en");
        ResetPage page = openLinkFromMail(address);

        page.submit(NEW_PASSWORD, NEW_PASSWORD + " but different");

        page.awaitResult();
        assertThat(page.result().getText()).isEqualTo("The two passwords are not the same.");
        assertThat(page.result().getDomAttribute("class")).isEqualTo("error");
        assertThat(page.form().isDisplayed()).isTrue();

        page.submit(NEW_PASSWORD, NEW_PASSWORD);

        page.awaitResult("success");
        assertThat(page.result().getText()).as("the token still works").startsWith("Your password has been changed.");
        assertThat(consoleErrors()).as("errors in the browser console").isEmpty();
        assertThat(api.login(address, NEW_PASSWORD).status()).isEqualTo(200);
    }

    /** Headless Chromium asking for {@code acceptLanguages}. */
    /** Requests a reset, takes the link from the mail and opens it on the server under test. */
    private ResetPage openLinkFromMail(String address) {
        assertThat(api.forgot(address).status()).isEqualTo(200);
        URI link = linkFrom(services.inbox().await(address, 1, MAIL_WAIT).get(0));
        browser.get(onServerUnderTest(link).toString());
        return new ResetPage(browser);
    }

    /**
     * The mail's link starts with app.base-url, in the test profile https://reset.example.test (APP_BASE_URL set by
     * the failsafe plugin), which is not a real server. The browser opens the same path and query
     * (/password/reset/?token=…) on the server under test instead: the Arquillian base URL (the WAR's context
     * root is /).
     */
    private URI onServerUnderTest(URI link) {
        assertThat(link.toString()).startsWith(System.getenv("APP_BASE_URL") + "/password/reset/?token=");
        return URI.create(base.toString()).resolve(link.getRawPath() + "?" + link.getRawQuery());
    }

    static URI linkFrom(ReceivedMail mail) {
        Matcher link = LINK.matcher(mail.html());
        assertThat(link.find()).as("reset link in " + mail.html()).isTrue();
        return URI.create(link.group(1).replace("&amp;", "&"));
    }

    /** The reset page as the user sees it. */
    record ResetPage(WebDriver browser) {

        WebElement form() {
            return browser.findElement(By.id("reset-form"));
        }

        WebElement result() {
            return browser.findElement(By.id("result"));
        }

        void submit(String password, String confirmation) {
            type("password", password);
            type("confirmation", confirmation);
            browser.findElement(By.id("submit")).click();
        }

        private void type(String id, String text) {
            WebElement input = browser.findElement(By.id(id));
            input.clear();
            input.sendKeys(text);
        }

        /** Waits until the page shows an answer (after the fetch, or at once for a check on the page). */
        void awaitResult() {
            new WebDriverWait(browser, PAGE_WAIT)
                    .withMessage(() -> "an answer in #result")
                    .until(driver -> !result().getText().isBlank());
        }

        /** Waits until the answer in #result has the class {@code kind}. */
        void awaitResult(String kind) {
            new WebDriverWait(browser, PAGE_WAIT)
                    .withMessage(() -> "#result of class " + kind + ", is: " + result().getDomAttribute("class")
                            + " " + result().getText())
                    .until(driver -> kind.equals(result().getDomAttribute("class")));
        }
    }
}
