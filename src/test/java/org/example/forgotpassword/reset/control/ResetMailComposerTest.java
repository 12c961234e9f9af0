package org.example.forgotpassword.reset.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;

import org.example.forgotpassword.account.entity.EmailAddress;
import org.example.forgotpassword.mail.control.MailTemplatesFixture;
import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.example.forgotpassword.reset.entity.IssuedToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResetMailComposerTest {

    private static final String TOKEN = "q1W2e3R4t5Y6u7I8o9P0a_S-d1F2g3H4j5K6l7Z8x9C";

    private final ResetMailComposer composer = new ResetMailComposer();

    @BeforeEach
    void configure() {
        composer.templates = MailTemplatesFixture.withSubjectPrefix("[Forgot Password]");
        composer.baseUrl = "https://reset.example.test";
        composer.tokenTtl = Duration.ofMinutes(30);
    }

    @Test
    void linkIsTheResetPageOfTheConfiguredBaseUrlWithTheToken() {
        assertThat(composer.resetLink(TOKEN))
                .isEqualTo("https://reset.example.test/password/reset/?token=" + TOKEN);
    }

    @Test
    void trailingSlashOnTheBaseUrlDoesNotDoubleTheSlash() {
        composer.baseUrl = "https://reset.example.test/";

        assertThat(composer.resetLink(TOKEN))
                .isEqualTo("https://reset.example.test/password/reset/?token=" + TOKEN);
    }

    @Test
    void severalTrailingSlashesOnTheBaseUrlDoNotDoubleTheSlash() {
        composer.baseUrl = "https://reset.example.test//";

        assertThat(composer.resetLink("t")).isEqualTo("https://reset.example.test/password/reset/?token=t");
    }

    @Test
    void baseUrlWithAPathKeepsThePath() {
        composer.baseUrl = "https://example.test/accounts/";

        assertThat(composer.resetLink("t")).isEqualTo("https://example.test/accounts/password/reset/?token=t");
    }

    @Test
    void baseUrlWithAPortKeepsThePort() {
        composer.baseUrl = "http://localhost:8080";

        assertThat(composer.resetLink("t")).isEqualTo("http://localhost:8080/password/reset/?token=t");
    }

    @Test
    void mailGoesToTheAccountsAddressInFull() {
        OutgoingMail mail = composer.compose("request-1", new IssuedToken(EmailAddress.parse("someone+x@example.com"), Locale.ENGLISH, TOKEN));

        assertThat(mail.to()).isEqualTo("someone+x@example.com");
    }

    @Test
    void bothPartsOfTheMailCarryTheLink() {
        OutgoingMail mail = composer.compose("request-1", new IssuedToken(EmailAddress.parse("someone@example.com"), Locale.ENGLISH, TOKEN));
        String link = "https://reset.example.test/password/reset/?token=" + TOKEN;

        assertThat(mail.text()).contains("\n" + link + "\n");
        assertThat(mail.html()).contains("<a href=\"" + link + "\">");
    }

    @Test
    void tokenLifetimeAppearsInMinutesInTheText() {
        composer.tokenTtl = Duration.ofMinutes(45);

        OutgoingMail mail = composer.compose("request-1", new IssuedToken(EmailAddress.parse("someone@example.com"), Locale.ENGLISH, TOKEN));

        assertThat(mail.text()).contains("open this link within 45 minutes:");
        assertThat(mail.html()).contains("within 45 minutes");
    }

    @Test
    void tokenLifetimeGivenInHoursIsShownInMinutes() {
        composer.tokenTtl = Duration.parse("PT2H");

        OutgoingMail mail = composer.compose("request-1", new IssuedToken(EmailAddress.parse("someone@example.com"), Locale.ENGLISH, TOKEN));

        assertThat(mail.text()).contains("within 120 minutes");
    }

    @Test
    void chineseRequestGetsTheChineseMail() {
        OutgoingMail mail = composer.compose("request-1", new IssuedToken(EmailAddress.parse("someone@example.com"), Locale.SIMPLIFIED_CHINESE, TOKEN));

        assertThat(mail.subject()).isEqualTo("[Forgot Password] 重置您的密码");
        assertThat(mail.text()).contains("请在 30 分钟内打开以下链接设置新密码")
                .contains("https://reset.example.test/password/reset/?token=" + TOKEN);
    }

    @Test
    void englishRequestGetsTheEnglishSubject() {
        OutgoingMail mail = composer.compose("request-1", new IssuedToken(EmailAddress.parse("someone@example.com"), Locale.ENGLISH, TOKEN));

        assertThat(mail.subject()).isEqualTo("[Forgot Password] Reset your password");
    }
}
