package org.example.forgotpassword.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The system's headless Chromium (Debian packages {@code chromium} and {@code chromium-driver}) driven through
 * Selenium, one per test, with a fresh profile of its own that {@link #close()} deletes. Both executables are given
 * to Selenium: the driver as the service's executable, the browser as the options' binary. With the driver named,
 * Selenium (4.52) skips Selenium Manager, which would otherwise look for, or download, a driver and a browser; the
 * system property webdriver.chrome.driver is a second guard (Selenium reads it before it falls back to Selenium
 * Manager). The flags: running as root needs --no-sandbox; no GPU, no /dev/shm (small in containers); nothing that
 * reaches the network on its own (closed network).
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Duration PAGE_WAIT = Duration.ofSeconds(15);

    private final Path profile;
    private final ChromeDriverService driverService;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriverService driverService, ChromeDriver driver) {
        this.profile = profile;
        this.driverService = driverService;
        this.driver = driver;
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A browser asking for {@code acceptLanguages}; the driver's log goes to target/it/browser. */
    public static HeadlessChromium start(String testName, String uiLanguage, String acceptLanguages) {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("headless-chromium-");
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
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logDir().resolve(testName + "-chromedriver.log").toFile())
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(driverService, options);
            driver.manage().timeouts().pageLoadTimeout(PAGE_WAIT);
            return new HeadlessChromium(profile, driverService, driver);
        } catch (RuntimeException e) {
            if (driverService.isRunning()) {
                driverService.stop();
            }
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** What the browser's console reports as errors: script errors, refused loads, policy violations. */
    public List<String> consoleErrors() {
        return consoleErrorsOf(driver);
    }

    /** {@link #consoleErrors()} of a browser this class started. */
    public static List<String> consoleErrorsOf(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Keeps a screenshot and the page source in target/it/browser, for a test that failed. */
    public void keepEvidence(String testName) throws IOException {
        Path dir = logDir();
        Files.write(dir.resolve(testName + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        Files.writeString(dir.resolve(testName + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            if (driverService.isRunning()) {
                driverService.stop();
            }
            deleteRecursively(profile);
        }
    }

    public static Path logDir() {
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
