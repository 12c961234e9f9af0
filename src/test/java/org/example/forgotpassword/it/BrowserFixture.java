package org.example.forgotpassword.it;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * The browser of a browser test ({@link HeadlessChromium}), registered with {@code @RegisterExtension}: the test
 * starts it with the languages it asks for; when the test failed, a screenshot and the page source are kept in
 * target/it/browser before the browser quits after the test.
 */
public final class BrowserFixture implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    /** A class of browser tests: skipped, saying what to install, where Chromium or its driver is missing. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @EnabledIf(value = "org.example.forgotpassword.it.HeadlessChromium#installed",
            disabledReason = "No /usr/bin/chromium or /usr/bin/chromedriver: install chromium and chromium-driver"
                    + " (apt-get) or run .ci/run")
    public @interface NeedsChromium {
    }

    private String testName;
    private HeadlessChromium chromium;

    /** A browser whose interface speaks {@code uiLanguage} and whose requests ask for {@code acceptLanguages}. */
    public WebDriver start(String uiLanguage, String acceptLanguages) {
        chromium = HeadlessChromium.start(testName, uiLanguage, acceptLanguages);
        return chromium.driver();
    }

    /** What the browser's console reports as errors: script errors, refused loads, policy violations. */
    public List<String> consoleErrors() {
        return chromium.consoleErrors();
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        testName = test.getRequiredTestMethod().getName();
    }

    @Override
    public void afterTestExecution(ExtensionContext test) throws Exception {
        if (test.getExecutionException().isPresent() && chromium != null) {
            chromium.keepEvidence(testName);
        }
    }

    @Override
    public void afterEach(ExtensionContext test) throws Exception {
        if (chromium != null) {
            try {
                chromium.close();
            } finally {
                chromium = null;
            }
        }
    }
}
