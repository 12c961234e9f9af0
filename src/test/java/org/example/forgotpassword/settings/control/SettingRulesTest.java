package org.example.forgotpassword.settings.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which settings stop the start, and what the message says. */
class SettingRulesTest {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

    Properties shipped;
    Map<String, String> settings;

    @BeforeEach
    void shippedDefaults() throws IOException {
        shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shipped.load(in);
        }
        settings = new HashMap<>();
        shipped.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> settings.put(key, shipped.getProperty(key)));
    }

    /** As MicroProfile Config looks a key up: {@code ${other.key}} expanded, an error when other.key is not set. */
    List<String> problems() {
        return SettingRules.problems(key -> Optional.ofNullable(settings.get(key)).map(this::expanded));
    }

    private String expanded(String value) {
        Matcher expression = EXPRESSION.matcher(value);
        StringBuilder result = new StringBuilder();
        while (expression.find()) {
            String referenced = settings.get(expression.group(1));
            if (referenced == null || referenced.isEmpty()) {
                throw new NoSuchElementException("Could not expand value " + expression.group(1));
            }
            expression.appendReplacement(result, Matcher.quoteReplacement(referenced));
        }
        return expression.appendTail(result).toString();
    }

    @Test
    void theShippedDefaultsAreAllRight() {
        assertThat(problems()).isEmpty();
    }

    @Test
    void everyShippedSettingHasARule() {
        Set<String> keys = shipped.stringPropertyNames().stream().map(key -> key.replaceFirst("^%[a-z]+\\.", ""))
                .collect(Collectors.toSet());
        Set<String> ruled = SettingRules.RULES.stream().map(SettingRules.Rule::key).collect(Collectors.toSet());

        assertThat(ruled).containsAll(keys);
    }

    @Test
    void productionStopsUntilTheValuesWithoutADefaultAreSet() {
        shipped.stringPropertyNames().stream().filter(key -> key.startsWith("%prod."))
                .forEach(key -> settings.put(key.substring("%prod.".length()), shipped.getProperty(key)));

        assertThat(problems()).containsExactlyInAnyOrder(
                "app.base-url (environment variable APP_BASE_URL) must be set: an absolute http or https URL such as"
                        + " https://example.com",
                "mail.from (environment variable MAIL_FROM) must be set: a mail address such as"
                        + " \"Name <no-reply@example.com>\"",
                "mail.smtp.host (environment variable MAIL_SMTP_HOST) must be set: a host name or address",
                // the default template is built from app.base-url
                "reset.link-template (environment variable RESET_LINK_TEMPLATE) cannot be read: Could not expand"
                        + " value app.base-url");
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
            "mail.subject-prefix           | [Forgot]\u0007Password",
            "mail.smtp.port                | 0",
            "mail.smtp.port                | 70000",
            "mail.smtp.port                | smtp",
            "mail.smtp.starttls            | yes",
            "mail.smtp.timeout             | 30s",
            "mail.smtp.timeout             | PT0S",
            "mail.smtp.connect-timeout     | P30D",
            "mail.outbox.lease             | -PT1M",
            "reset.token-ttl               | 30 minutes",
            "rate-limit.forgot.per-address | 3 per 15 minutes",
            "rate-limit.forgot.per-address | 0/PT15M",
            "rate-limit.login.per-client   | 10/PT0S",
            "rate-limit.reset.per-token    | 5/15M",
            "http.max-body-bytes           | 12",
            "http.trusted-proxies          | proxy.example.com",
            "log.per-message-level         | LOUD",
            "mail.smtp.pool-size           | -1",
            "mp.openapi.scan.disable       | off"})
    void aWrongValueIsRefusedWithTheKeyAndWhatItShouldBe(String key, String value) {
        settings.put("reset.link-template", "https://app.example.com/reset?token={token}");
        settings.put(key, value);

        assertThat(problems()).singleElement().asString()
                .startsWith(key + " (environment variable " + SettingRules.environmentVariable(key) + ") must be ")
                .endsWith("got \"" + value + "\"");
    }

    @Test
    void aWrongBaseUrlAlsoSpoilsTheDefaultResetLinkAndBothAreNamed() {
        settings.put("app.base-url", "localhost:8080");

        assertThat(problems()).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).startsWith("app.base-url (environment variable APP_BASE_URL)"))
                .anySatisfy(problem -> assertThat(problem).startsWith(
                        "reset.link-template (environment variable RESET_LINK_TEMPLATE) must be an absolute http"));
    }

    /** Values with a parser of their own: the message also says what is wrong. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "reset.link-template       | https://app.example.com/reset           | {token} must appear exactly once",
            "reset.link-template       | https://{token}.example.com/reset       | {token} must be in the path",
            "reset.link-template       | app.example.com/reset?token={token}     | not an absolute http or https URL",
            "http.cors.allowed-origins | *                                       | \"*\" is not an origin: wildcards",
            "http.cors.allowed-origins | https://a.example,https://b.example/ | \"https://b.example/\" is not an"})
    void aValueItsOwnParserRefusesIsNamedWithTheKeyAndWhatIsWrong(String key, String value, String reason) {
        settings.put(key, value);

        assertThat(problems()).singleElement().asString()
                .startsWith(key + " (environment variable " + SettingRules.environmentVariable(key) + ") must be ")
                .contains("got \"" + value + "\": " + reason);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "app.base-url                  | https://reset.example.com",
            "app.base-url                  | http://127.0.0.1:8080/base",
            "mail.from                     | Forgot Password <no-reply@example.com>",
            "mail.subject-prefix           | ''",
            "rate-limit.forgot.per-address | 100000/PT1S",
            "http.trusted-proxies          | 10.0.0.1, 10.0.0.2",
            "http.trusted-proxies          | ::1",
            "log.per-message-level         | info",
            "reset.link-template           | http://localhost:3000/#/reset?token={token}",
            "http.cors.allowed-origins     | https://app.example.com, http://127.0.0.1:5173",
            "http.cors.allowed-origins     | ''"})
    void aRightValueIsTaken(String key, String value) {
        settings.put(key, value);

        assertThat(problems()).isEmpty();
    }

    @Test
    void everyWrongSettingIsReportedAtOnce() {
        settings.put("mail.smtp.port", "0");
        settings.put("reset.token-ttl", "soon");
        settings.put("http.cors.allowed-origins", "https://app.example.com/");

        assertThat(problems()).hasSize(3);
    }
}
