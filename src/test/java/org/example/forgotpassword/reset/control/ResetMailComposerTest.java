package org.example.forgotpassword.reset.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import org.example.forgotpassword.account.entity.EmailAddress;
import org.example.forgotpassword.mail.control.MailTemplatesFixture;
import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.example.forgotpassword.reset.entity.IssuedToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResetMailComposerTest {

    private static final String TOKEN = "q1W2e3R4t5Y6u7I8o9P0a_S-d1F2g3H4j5K6l7Z8x9C";

    private final ResetMailComposer composer = new ResetMailComposer();

    /** The default, {@code ${app.base-url}/password/reset/?token={token}}, as MicroProfile Config expands it. */
    private static final String EXPANDED_DEFAULT = "https://reset.example.test/password/reset/?token={token}";

    @BeforeEach
    void configure() {
        composer.templates = MailTemplatesFixture.withSubjectPrefix("[Forgot Password]");
        useTemplate(EXPANDED_DEFAULT);
    }

    /** The reset mail of request-1 for an account, with {@link #TOKEN} valid for the default 30 minutes. */
    private OutgoingMail compose(String address, Locale locale) {
        return compose(address, locale, Duration.ofMinutes(30));
    }

    private OutgoingMail compose(String address, Locale locale, Duration validFor) {
        return composer.compose("request-1", new IssuedToken(EmailAddress.parse(address), locale, TOKEN, validFor));
    }

    private void useTemplate(String template) {
        composer.linkTemplate = template;
        composer.checkLinkTemplate();
    }

    @Test
    void defaultTemplateIsTheResetPageUnderTheBaseUrl() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }

        assertThat(defaults.getProperty("reset.link-template"))
                .isEqualTo("${app.base-url}/password/reset/?token={token}");
    }

    @Test
    void linkIsTheTemplateWithTheToken() {
        assertThat(composer.resetLink(TOKEN))
                .isEqualTo("https://reset.example.test/password/reset/?token=" + TOKEN);
    }

    /** The link is the template with the token in its place, be it the base URL's page or a front end's own. */
    static Stream<Arguments> templatesAndTheirLinks() {
        return Stream.of(
                arguments("a front end's own page",
                        "https://app.example.com/reset?token={token}",
                        "https://app.example.com/reset?token=t"),
                arguments("the token in the path",
                        "https://app.example.com/reset/{token}",
                        "https://app.example.com/reset/t"),
                arguments("the token in the fragment",
                        "http://localhost:3000/#/reset?token={token}&lang=en",
                        "http://localhost:3000/#/reset?token=t&lang=en"),
                arguments("a trailing slash on the base URL does not double the slash",
                        "https://reset.example.test//password/reset/?token={token}",
                        "https://reset.example.test/password/reset/?token=t"),
                arguments("several trailing slashes on a base URL with a path do not double the slash",
                        "https://example.test/accounts///password/reset/?token={token}",
                        "https://example.test/accounts/password/reset/?token=t"),
                arguments("slashes in the query and the fragment are left alone",
                        "https://app.example.com/reset?next=//x&token={token}#//y",
                        "https://app.example.com/reset?next=//x&token=t#//y"),
                arguments("a base URL with a port keeps the port",
                        "http://localhost:8080/password/reset/?token={token}",
                        "http://localhost:8080/password/reset/?token=t"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templatesAndTheirLinks")
    void linkIsTheTemplateWithTheTokenInItsPlace(String what, String template, String link) {
        useTemplate(template);

        assertThat(composer.resetLink("t")).isEqualTo(link);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://app.example.com/reset",
            "https://app.example.com/reset?token={token}&again={token}",
            "https://app.example.com/reset?token={TOKEN}",
            "/password/reset/?token={token}",
            "app.example.com/reset?token={token}",
            "ftp://app.example.com/reset?token={token}",
            "javascript:alert(1)//{token}",
            "https:///reset?token={token}",
            "https://{token}.example.com/reset",
            "https://app.example.com:{token}/reset",
            "https://app example.com/reset?token={token}",
            "${app.base-url}/password/reset/?token={token}",
            ""})
    void aBadTemplateIsRefusedSayingWhatIsWrong(String template) {
        composer.linkTemplate = template;

        assertThatThrownBy(composer::checkLinkTemplate)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("\\{token} must .*|not an absolute http or https URL");
    }

    @Test
    void mailGoesToTheAccountsAddressInFull() {
        OutgoingMail mail = compose("someone+x@example.com", Locale.ENGLISH);

        assertThat(mail.to()).isEqualTo("someone+x@example.com");
    }

    @Test
    void bothPartsOfTheMailCarryTheLink() {
        OutgoingMail mail = compose("someone@example.com", Locale.ENGLISH);
        String link = "https://reset.example.test/password/reset/?token=" + TOKEN;

        assertThat(mail.text()).contains("\n" + link + "\n");
        assertThat(mail.html()).contains("<a href=\"" + link + "\">");
    }

    @Test
    void tokenLifetimeAppearsInMinutesInTheText() {
        OutgoingMail mail = compose("someone@example.com", Locale.ENGLISH, Duration.ofMinutes(45));

        assertThat(mail.text()).contains("open this link within 45 minutes:");
        assertThat(mail.html()).contains("within 45 minutes");
    }

    @Test
    void tokenLifetimeGivenInHoursIsShownInMinutes() {
        OutgoingMail mail = compose("someone@example.com", Locale.ENGLISH, Duration.parse("PT2H"));

        assertThat(mail.text()).contains("within 120 minutes");
    }

    @Test
    void chineseRequestGetsTheChineseMail() {
        OutgoingMail mail = compose("someone@example.com", Locale.SIMPLIFIED_CHINESE);

        assertThat(mail.subject()).isEqualTo("[Forgot Password] 重置您的密码");
        assertThat(mail.text()).contains("请在 30 分钟内打开以下链接设置新密码")
                .contains("https://reset.example.test/password/reset/?token=" + TOKEN);
    }

    @Test
    void englishRequestGetsTheEnglishSubject() {
        OutgoingMail mail = compose("someone@example.com", Locale.ENGLISH);

        assertThat(mail.subject()).isEqualTo("[Forgot Password] Reset your password");
    }
}
