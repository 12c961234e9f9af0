package org.example.forgotpassword.reset.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.IntegrationServices;
import org.example.forgotpassword.it.MailInbox.ReceivedMail;
import org.example.forgotpassword.it.ShippedWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reset page in a real browser: headless Chromium opens the link from the mail, the user types the new
 * password twice and submits, and the page's script posts it and shows the service's answer. This is what
 * {@link PasswordResetIT} cannot see from an HTTP client: the script, the page's content security policy (a
 * violation shows in the browser console, which must stay free of errors), the form's validation and the language
 * the browser asks for.
 * <p>
 * Uses the system's Chromium and ChromeDriver (Debian packages {@code chromium} and {@code chromium-driver}); the
 * class is skipped when they are missing. Selenium is given both paths, so it never looks for or downloads a
 * driver or browser (Selenium Manager is not run). Token lifetime in the test profile: 15 s, so the browser is
 * started before the reset is requested and the link is opened as soon as the mail is there.
 */
@EnabledIf(value = "browserInstalled", disabledReason = "No /usr/bin/chromium or /usr/bin/chromedriver: "
        + "install chromium and chromium-driver (apt-get) or run .ci/run")
@ExtendWith(ArquillianExtension.class)
class ResetPageBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static final String OLD_PASSWORD = "correct horse battery staple";
    static final String NEW_PASSWORD = "a brand new passphrase for spring";
    static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    static final Duration PAGE_WAIT = Duration.ofSeconds(15);
    /** The link as the HTML part of the reset mail has it (what the user clicks). */
    static final Pattern LINK = Pattern.compile("href=\"([^\"]*/password/reset/\\?token=[A-Za-z0-9_-]+)\"");

    @Deployment(testable = false)
    static WebArchive shippedWar() {
        return ShippedWar.archive();
    }

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @ArquillianResource
    URL base;

    ApiClient api;
    IntegrationServices.Running services;
    String testName;
    Path profile;
    ChromeDriverService driverService;
    WebDriver browser;

    /** Keeps a screenshot and the page source of a failed test in target/it/browser, before the browser quits. */
    @RegisterExtension
    final AfterTestExecutionCallback evidenceOfFailure = context -> {
        if (context.getExecutionException().isPresent() && browser instanceof ChromeDriver chrome) {
            Path dir = browserLogDir();
            Files.write(dir.resolve(testName + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(testName + ".html"), chrome.getPageSource(), StandardCharsets.UTF_8);
        }
    };

    @BeforeEach
    void connect(TestInfo test) {
        api = new ApiClient(base.toString());
        services = IntegrationServices.current();
        testName = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void quitBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            browser = null;
            if (driverService != null && driverService.isRunning()) {
                driverService.stop();
            }
            driverService = null;
            if (profile != null) {
                deleteRecursively(profile);
                profile = null;
            }
        }
    }

    @Test
    void userOpensTheLinkFromTheMailChoosesANewPasswordAndCanSignInWithIt() {
        startBrowser("en-US", "en-US,en");
        String address = account("browser-flow", "en");

        ResetPage page = openLinkFromMail(address);
        assertThat(browser.getTitle()).isEqualTo("Choose a new password");
        page.submit(NEW_PASSWORD, NEW_PASSWORD);

        page.awaitResult();
        assertThat(page.result().getText()).isEqualTo("Your password has been changed. You can now sign in with it.");
        assertThat(page.result().getDomAttribute("class")).isEqualTo("success");
        assertThat(page.form().isDisplayed()).as("the form is hidden after the change").isFalse();
        assertThat(page.consoleErrors()).as("errors in the browser console").isEmpty();
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
        assertThat(page.consoleErrors()).as("errors in the browser console").isEmpty();
        assertThat(api.login(address, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void chineseBrowserGetsTheChinesePage() {
        startBrowser("zh-CN", "zh-CN,zh");
        String address = account("browser-zh", "zh");

        ResetPage page = openLinkFromMail(address);
        assertThat(browser.getTitle()).isEqualTo("设置新密码");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("设置新密码");
        page.submit(NEW_PASSWORD, NEW_PASSWORD);

        page.awaitResult();
        assertThat(page.result().getText()).isEqualTo("您的密码已修改，现在可以使用新密码登录。");
        assertThat(page.result().getDomAttribute("class")).isEqualTo("success");
        assertThat(page.consoleErrors()).as("errors in the browser console").isEmpty();
        assertThat(api.login(address, NEW_PASSWORD).status()).isEqualTo(200);
    }

    /**
     * Headless Chromium asking for {@code acceptLanguages}. Both executables are given to Selenium: the driver as
     * the service's executable, the browser as the options' binary. With the driver named, Selenium (4.52) skips
     * Selenium Manager, which would otherwise look for, or download, a driver and a browser; the system property
     * webdriver.chrome.driver is a second guard (Selenium reads it before it falls back to Selenium Manager). The
     * flags: running as root needs --no-sandbox; no GPU, no /dev/shm (small in containers); nothing that reaches
     * the network on its own (closed network); a fresh profile of its own, deleted afterwards.
     */
    private void startBrowser(String uiLanguage, String acceptLanguages) {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        try {
            profile = Files.createTempDirectory("reset-page-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1024,768",
                "--user-data-dir=" + profile, "--lang=" + uiLanguage);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(browserLogDir().resolve(testName + "-chromedriver.log").toFile())
                .build();
        browser = new ChromeDriver(driverService, options);
        browser.manage().timeouts().pageLoadTimeout(PAGE_WAIT);
    }

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

        /** What the browser's console reports as errors: script errors, refused loads, policy violations. */
        List<String> consoleErrors() {
            return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(LogEntry::getMessage)
                    .toList();
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

    private String account(String name, String locale) {
        String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(api.createAccount(address, OLD_PASSWORD, locale).status()).isEqualTo(201);
        return address;
    }

    private static Path browserLogDir() throws UncheckedIOException {
        try {
            return Files.createDirectories(Path.of(System.getProperty("project.dir"), "target", "it", "browser"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the browser profile; a second pass catches files a closing browser process wrote meanwhile. */
    private static void deleteRecursively(Path dir) throws IOException {
        for (int attempt = 1; Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | UncheckedIOException stillChanging) {
                if (attempt == 3) {
                    throw stillChanging;
                }
            }
        }
    }
}
