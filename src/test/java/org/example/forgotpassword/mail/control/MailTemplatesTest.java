package org.example.forgotpassword.mail.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.example.forgotpassword.platform.control.TextResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailTemplatesTest {

    private static final String LINK = "https://reset.example.test/password/reset/?token=abc_DEF-123";
    private static final Map<String, String> VALUES = Map.of("link", LINK, "minutes", "30");

    @Nested
    class Fill {

        @Test
        void placeholdersAreReplacedEverywhereTheyOccur() {
            String filled = MailTemplates.fill("Open {{link}} within {{minutes}} minutes. Again: {{link}}",
                    Map.of("link", "https://x.test/r", "minutes", "15"), false);

            assertThat(filled).isEqualTo("Open https://x.test/r within 15 minutes. Again: https://x.test/r");
        }

        @Test
        void hyphenatedPlaceholderNamesAreReplaced() {
            assertThat(MailTemplates.fill("Hi {{user-name}}!", Map.of("user-name", "Ann"), false))
                    .isEqualTo("Hi Ann!");
        }

        @Test
        void templateWithoutPlaceholdersIsReturnedUnchanged() {
            assertThat(MailTemplates.fill("No {placeholders} here.", Map.of(), true))
                    .isEqualTo("No {placeholders} here.");
        }

        @Test
        void valuesThatAreNotUsedAreIgnored() {
            assertThat(MailTemplates.fill("{{link}}", Map.of("link", "L", "unused", "U"), false)).isEqualTo("L");
        }

        static Stream<Arguments> valuesAndHowHtmlModeWritesThem() {
            return Stream.of(
                    arguments("<b class=\"x\">Tom & Jerry's</b>",
                            "&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;"),
                    // escaped once: a link's & becomes &amp;, not &amp;amp;
                    arguments("https://x.test/?a=1&b=2", "https://x.test/?a=1&amp;b=2"),
                    // a group reference and an escape to a regular expression's replacement, taken literally
                    arguments("$1 \\0 $", "$1 \\0 $"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("valuesAndHowHtmlModeWritesThem")
        void aValueGoesInAsItIsInTextModeAndHtmlEscapedInHtmlMode(String value, String inHtml) {
            Map<String, String> values = Map.of("value", value);

            assertThat(MailTemplates.fill("[{{value}}]", values, false)).isEqualTo("[" + value + "]");
            assertThat(MailTemplates.fill("[{{value}}]", values, true)).isEqualTo("[" + inHtml + "]");
        }

        @Test
        void templateTextItselfIsNeverEscaped() {
            assertThat(MailTemplates.fill("<p>&nbsp;{{value}}</p>", Map.of("value", "ok"), true))
                    .isEqualTo("<p>&nbsp;ok</p>");
        }

        @ParameterizedTest(name = "html: {0}")
        @ValueSource(booleans = {false, true})
        void unknownPlaceholderIsAnErrorNotAnEmptyString(boolean html) {
            assertThatThrownBy(() -> MailTemplates.fill("Open {{lnik}}", Map.of("link", "L"), html))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("No value for placeholder lnik");
        }
    }

    @Nested
    class Render {

        private final MailTemplates templates = new MailTemplates();
        private Locale defaultLocale;

        @BeforeEach
        void configure() {
            templates.subjectPrefix = "[Forgot Password]";
            templates.texts = new TextResources();
            defaultLocale = Locale.getDefault();
        }

        @AfterEach
        void restoreDefaultLocale() {
            Locale.setDefault(defaultLocale);
        }

        private OutgoingMail renderReset(Locale locale) {
            return templates.render("mail-1", "reset", locale, "someone@example.com", VALUES);
        }

        private static void assertEnglish(OutgoingMail mail) {
            assertThat(mail.subject()).isEqualTo("[Forgot Password] Reset your password");
            assertThat(mail.text()).startsWith("Hello,");
        }

        @Test
        void englishSubjectCarriesTheConfiguredPrefix() {
            assertThat(renderReset(Locale.ENGLISH).subject()).isEqualTo("[Forgot Password] Reset your password");
        }

        @Test
        void chineseSubjectCarriesTheConfiguredPrefix() {
            assertThat(renderReset(Locale.SIMPLIFIED_CHINESE).subject()).isEqualTo("[Forgot Password] 重置您的密码");
        }

        @Test
        void blankPrefixLeavesTheSubjectAlone() {
            templates.subjectPrefix = "";
            assertThat(renderReset(Locale.ENGLISH).subject()).isEqualTo("Reset your password");

            templates.subjectPrefix = "   ";
            assertThat(renderReset(Locale.ENGLISH).subject()).isEqualTo("Reset your password");
        }

        @Test
        void spacesAroundThePrefixAreTrimmed() {
            templates.subjectPrefix = "  [DEV]  ";

            assertThat(renderReset(Locale.ENGLISH).subject()).isEqualTo("[DEV] Reset your password");
        }

        @Test
        void mailGoesToTheGivenRecipient() {
            assertThat(renderReset(Locale.ENGLISH).to()).isEqualTo("someone@example.com");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "en    | Hello, | open this link within 30 minutes:     | 您好",
                "zh-CN | 您好：  | 请在 30 分钟内打开以下链接设置新密码： | Hello"})
        void textPartIsInTheLanguageAndContainsTheLinkAndTheMinutes(String language, String greeting,
                String beforeTheLink, String otherLanguagesGreeting) {
            String text = renderReset(Locale.forLanguageTag(language)).text();

            assertThat(text)
                    .startsWith(greeting)
                    .contains(beforeTheLink + "\n\n" + LINK + "\n")
                    .doesNotContain(otherLanguagesGreeting)
                    .doesNotContain("{{");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "en    | Reset my password | within 30 minutes",
                "zh-CN | 重置密码           | 请在 30 分钟内"})
        void htmlPartIsInTheLanguageAndLinksToTheResetPage(String language, String linkText, String minutes) {
            String html = renderReset(Locale.forLanguageTag(language)).html();

            assertThat(html)
                    .startsWith("<!DOCTYPE html>")
                    .contains("<html lang=\"" + language + "\">")
                    .contains("<a href=\"" + LINK + "\">" + linkText + "</a>")
                    .contains("<br>" + LINK + "</p>")
                    .contains(minutes)
                    .doesNotContain("{{");
        }

        @Test
        void anyChineseVariantGetsTheChineseMail() {
            for (Locale chinese : new Locale[] {Locale.CHINESE, Locale.TRADITIONAL_CHINESE,
                    Locale.forLanguageTag("zh-Hant-HK")}) {
                OutgoingMail mail = renderReset(chinese);

                assertThat(mail.subject()).as("%s", chinese).isEqualTo("[Forgot Password] 重置您的密码");
                assertThat(mail.text()).as("%s", chinese).startsWith("您好：");
            }
        }

        @Test
        void otherLanguagesGetTheEnglishMail() {
            assertEnglish(renderReset(Locale.GERMAN));
        }

        @Test
        void englishMailStaysEnglishOnAServerWhoseDefaultLocaleIsChinese() {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);

            assertEnglish(renderReset(Locale.ENGLISH));
        }

        @Test
        void chineseMailStaysChineseOnAServerWhoseDefaultLocaleIsEnglish() {
            Locale.setDefault(Locale.US);

            assertThat(renderReset(Locale.SIMPLIFIED_CHINESE).subject()).isEqualTo("[Forgot Password] 重置您的密码");
        }

        @Test
        void linkIsEscapedInTheHtmlPartButNotInTheTextPart() {
            OutgoingMail mail = templates.render("mail-1", "reset", Locale.ENGLISH, "someone@example.com",
                    Map.of("link", "https://x.test/r?a=1&b=2", "minutes", "30"));

            assertThat(mail.text()).contains("https://x.test/r?a=1&b=2");
            assertThat(mail.html()).contains("href=\"https://x.test/r?a=1&amp;b=2\"")
                    .doesNotContain("a=1&b=2");
        }

        @Test
        void missingValueForATemplatePlaceholderIsAnError() {
            assertThatThrownBy(() -> templates.render("mail-1", "reset", Locale.ENGLISH, "someone@example.com",
                    Map.of("link", LINK)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("No value for placeholder minutes");
        }

        @Test
        void theMailKeepsTheIdItIsRenderedWith() {
            String mailId = UUID.randomUUID().toString();

            assertThat(templates.render(mailId, "reset", Locale.ENGLISH, "someone@example.com", VALUES).mailId())
                    .isEqualTo(mailId);
        }
    }
}
