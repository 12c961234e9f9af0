package org.example.forgotpassword.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which settings stop the start, and what the message says. */
class SettingRulesTest {

    Map<String, String> settings;

    @BeforeEach
    void shippedDefaults() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shipped.load(in);
        }
        settings = new HashMap<>();
        shipped.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> settings.put(key, shipped.getProperty(key)));
    }

    List<String> problems() {
        return SettingRules.problems(key -> Optional.ofNullable(settings.get(key)));
    }

    @Test
    void theShippedDefaultsAreAllRight() {
        assertThat(problems()).isEmpty();
    }

    @Test
    void aMissingSettingIsNamedWithItsEnvironmentVariable() {
        settings.remove("app.base-url");

        assertThat(problems()).singleElement().asString()
                .startsWith("app.base-url (environment variable APP_BASE_URL) must be set");
    }

    @Test
    void tooFewPasswordHashIterationsStopTheStartInsteadOfEveryAccountCreation() {
        settings.put("password.hash.iterations", "1000");

        assertThat(problems()).singleElement().asString()
                .contains("password.hash.iterations (environment variable PASSWORD_HASH_ITERATIONS)",
                        "from 1024", "got \"1000\"");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "app.base-url                  | localhost:8080",
            "app.base-url                  | ftp://example.com",
            "app.base-url                  | https://example.com/?x=1",
            "mail.from                     | not an address",
            "mail.smtp.port                | 0",
            "mail.smtp.port                | 70000",
            "mail.smtp.port                | smtp",
            "mail.smtp.starttls            | yes",
            "mail.smtp.timeout             | 30s",
            "mail.smtp.timeout             | PT0S",
            "mail.outbox.lease             | -PT1M",
            "reset.token-ttl               | 30 minutes",
            "rate-limit.forgot.per-address | 3 per 15 minutes",
            "rate-limit.forgot.per-address | 0/PT15M",
            "rate-limit.login.per-client   | 10/PT0S",
            "rate-limit.reset.per-token    | 5/15M",
            "http.max-body-bytes           | 12",
            "http.trusted-proxies          | proxy.example.com",
            "log.per-message-level         | LOUD",
            "mail.smtp.pool-size           | -1"})
    void aWrongValueIsRefusedWithTheKeyAndWhatItShouldBe(String key, String value) {
        settings.put(key, value);

        assertThat(problems()).singleElement().asString()
                .startsWith(key + " (environment variable " + SettingRules.environmentVariable(key) + ") must be ")
                .endsWith("got \"" + value + "\"");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "app.base-url                  | https://reset.example.com",
            "app.base-url                  | http://127.0.0.1:8080/base",
            "mail.from                     | Forgot Password <no-reply@example.com>",
            "rate-limit.forgot.per-address | 100000/PT1S",
            "http.trusted-proxies          | 10.0.0.1, 10.0.0.2",
            "http.trusted-proxies          | ::1",
            "log.per-message-level         | info"})
    void aRightValueIsTaken(String key, String value) {
        settings.put(key, value);

        assertThat(problems()).isEmpty();
    }

    @Test
    void everyWrongSettingIsReportedAtOnce() {
        settings.put("mail.smtp.port", "0");
        settings.put("reset.token-ttl", "soon");

        assertThat(problems()).hasSize(2);
    }
}
