package org.example.forgotpassword.it;

import java.io.IOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

/**
 * What the browser tests share: what every test from outside has ({@link ShippedWarFixture}), and one headless
 * Chromium per test ({@link HeadlessChromium}) that the test starts with the languages it asks for. When a test
 * failed, a screenshot and the page source are kept in target/it/browser before the browser quits.
 */
public abstract class BrowserFixture extends ShippedWarFixture {

    /** A class of browser tests: skipped, saying what to install, where Chromium or its driver is missing. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @EnabledIf(value = "org.example.forgotpassword.it.HeadlessChromium#installed",
            disabledReason = "No /usr/bin/chromium or /usr/bin/chromedriver: install chromium and chromium-driver"
                    + " (apt-get) or run .ci/run")
    public @interface NeedsChromium {
    }

    protected WebDriver browser;
    private String testName;
    private HeadlessChromium chromium;

    @RegisterExtension
    final AfterTestExecutionCallback evidenceOfFailure = context -> {
        if (context.getExecutionException().isPresent() && chromium != null) {
            chromium.keepEvidence(testName);
        }
    };

    @BeforeEach
    void nameTheEvidence(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (chromium != null) {
            try {
                chromium.close();
            } finally {
                chromium = null;
                browser = null;
            }
        }
    }

    /**
     * Starts {@link #browser}: its interface in {@code uiLanguage}, its requests asking for {@code acceptLanguages}.
     */
    protected void startBrowser(String uiLanguage, String acceptLanguages) {
        chromium = HeadlessChromium.start(testName, uiLanguage, acceptLanguages);
        browser = chromium.driver();
    }

    /** What the browser's console reports as errors: script errors, refused loads, policy violations. */
    protected List<String> consoleErrors() {
        return chromium.consoleErrors();
    }
}
