package org.example.forgotpassword.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A wrong setting stops the start, not every request: Payara Micro launched through
 * {@code server-config/payara/launch.sh}, as in production, against the test run's broker and mail server, with
 * {@code PASSWORD_HASH_ITERATIONS=1000} (below PBKDF2's minimum; it used to deploy, and then every account creation
 * answered 500) and a wildcard in {@code HTTP_CORS_ALLOWED_ORIGINS}. What a load balancer sees from launch on is
 * recorded until Payara Micro has finished its start, and a while after.
 */
class WrongSettingIT {

    /** Payara Micro stays up after a failed deployment; the listener would open at the end of its start. */
    static final Duration AFTER_THE_START = Duration.ofSeconds(5);
    static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    @AutoClose
    static ManagedProcess payara;
    @AutoClose
    static ReadinessTimeline timeline;
    static int httpPort;
    static boolean startFinished;

    @BeforeAll
    static void launchWithWrongSettings() throws InterruptedException {
        StackLayout layout = StackLayout.fromSystemProperties();
        Path workDir = layout.stackDir().getParent().resolve("it-wrong-setting");
        Map<String, String> environment = new HashMap<>();
        environment.put("DATA_DIR", workDir.resolve("data").toString());
        // the embedded database in DATA_DIR, not the shared one of the Arquillian runs
        environment.put("DB_URL", "");
        environment.put("DB_USER", "");
        environment.put("DB_PASSWORD", "");
        environment.put("PASSWORD_HASH_ITERATIONS", "1000");
        environment.put("HTTP_CORS_ALLOWED_ORIGINS", "*");
        httpPort = Ports.free();
        timeline = ReadinessTimeline.watch("http://" + Ports.LOOPBACK + ":" + httpPort);
        payara = PayaraMicroServer.launch(layout, layout.war(), httpPort, environment, workDir.resolve("payara.log"),
                List.of());
        startFinished = payara.awaitUntil(() -> payara.logContains("Payara Micro URLs"), START_TIMEOUT);
        Thread.sleep(AFTER_THE_START.toMillis());
        timeline.close();
        System.out.println("WRONG-SETTING what a load balancer saw from launch:" + timeline.summary());
    }

    @Test
    void theDeploymentStopsWithAMessageNamingEachKeyAndItsEnvironmentVariable() throws IOException {
        String log = Files.readString(payara.log(), StandardCharsets.ISO_8859_1);

        assertThat(startFinished).as("Payara Micro finished its start (see " + payara.log() + ")").isTrue();
        assertThat(log).contains("The application cannot start, 2 setting(s) are wrong",
                "password.hash.iterations (environment variable PASSWORD_HASH_ITERATIONS) must be a whole number from"
                        + " 1024",
                "http.cors.allowed-origins (environment variable HTTP_CORS_ALLOWED_ORIGINS) must be",
                "Boot Command deploy failed");
        assertThat(log).as("the database is left alone").doesNotContain("Database schema at version");
    }

    @Test
    void neitherTheApplicationNorReadinessEverAnswer() {
        List<ReadinessTimeline.Look> looks = timeline.looks();

        assertThat(looks).as("looks from launch to the end of the start").hasSizeGreaterThan(10)
                .allSatisfy(look -> {
                    assertThat(look.ready()).as("/health/ready at %d ms", look.millis()).isNotEqualTo(200);
                    assertThat(look.application() / 100).as("/password/reset/ at %d ms", look.millis()).isNotEqualTo(2);
                });
    }

    @Test
    void nothingListensOnTheHttpPortSoEveryPathIsRefused() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest createAccount = HttpRequest.newBuilder(URI.create("http://" + Ports.LOOPBACK + ":" + httpPort
                        + "/accounts/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=someone%40example.com&password=correct+horse+battery"))
                .build();

        assertThat(Ports.listening(httpPort)).isFalse();
        assertThatIOException().isThrownBy(() -> http.send(createAccount, HttpResponse.BodyHandlers.discarding()));
    }
}
