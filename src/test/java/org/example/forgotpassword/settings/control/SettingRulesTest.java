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
import org.junit.jupiter.params.provider.CsvFileSource;
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

    /** The wrong values of the file, and one with a control character, which would not show in a text file. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvFileSource(resources = "/settings/wrong-values.csv", delimiter = '|', numLinesToSkip = 1)
    @CsvSource(delimiter = '|', value = "mail.subject-prefix | [Forgot]\u0007Password")
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
                .anySatisfy(problem -> assertThat(problem).startsWith(
                        "app.base-url (environment variable APP_BASE_URL)"))
                .anySatisfy(problem -> assertThat(problem).startsWith(
                        "reset.link-template (environment variable RESET_LINK_TEMPLATE) must be an absolute http"));
    }

    /**
     * Values with a parser of their own: the message also says what is wrong. The reasons quote values with ", so
     * the file quotes with ' as {@code @CsvSource} does.
     */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvFileSource(resources = "/settings/values-their-parser-refuses.csv", delimiter = '|', quoteCharacter = '\'',
            numLinesToSkip = 1)
    void aValueItsOwnParserRefusesIsNamedWithTheKeyAndWhatIsWrong(String key, String value, String reason) {
        settings.put(key, value);

        assertThat(problems()).singleElement().asString()
                .startsWith(key + " (environment variable " + SettingRules.environmentVariable(key) + ") must be ")
                .contains("got \"" + value + "\": " + reason);
    }

    /** The file quotes with ' as {@code @CsvSource} does: '' is the empty value. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvFileSource(resources = "/settings/right-values.csv", delimiter = '|', quoteCharacter = '\'',
            numLinesToSkip = 1)
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
