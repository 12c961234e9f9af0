package org.example.forgotpassword.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.example.forgotpassword.platform.entity.SupportedLocales;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private final Messages messages = new Messages();
    private final Locale defaultLocale = Locale.getDefault();

    @AfterEach
    void restoreDefaultLocale() {
        Locale.setDefault(defaultLocale);
    }

    @Test
    void englishTextComesFromTheBaseBundle() {
        assertThat(messages.text("error.1001", Locale.ENGLISH)).isEqualTo("Please enter a valid email address.");
    }

    @Test
    void chineseTextComesFromTheChineseBundle() {
        assertThat(messages.text("error.1001", Locale.SIMPLIFIED_CHINESE)).isEqualTo("请输入有效的电子邮件地址。");
    }

    @Test
    void anyChineseVariantGetsTheChineseText() {
        assertThat(messages.text("forgot.accepted", Locale.TRADITIONAL_CHINESE))
                .isEqualTo("如果该地址对应的账户存在，密码重置邮件正在发送中。");
    }

    @Test
    void unsupportedLanguageGetsTheEnglishText() {
        assertThat(messages.text("forgot.accepted", Locale.FRENCH))
                .isEqualTo("If an account exists for this address, a password reset email is on its way.");
    }

    @Test
    void englishTextStaysEnglishOnAServerWhoseDefaultLocaleIsChinese() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);

        assertThat(messages.text("error.1001", Locale.ENGLISH)).isEqualTo("Please enter a valid email address.");
        assertThat(messages.text("error.1001", Locale.FRENCH)).isEqualTo("Please enter a valid email address.");
    }

    @Test
    void preferredLocaleIsTheFirstSupportedLanguage() {
        assertThat(messages.preferredLocale(List.of(Locale.GERMAN, Locale.TAIWAN, Locale.ENGLISH)))
                .isEqualTo(SupportedLocales.CHINESE);
    }
}
