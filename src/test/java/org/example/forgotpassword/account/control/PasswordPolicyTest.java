package org.example.forgotpassword.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void eightCharactersAreEnough() {
        assertThat(policy.accepts("kx7#Lm2q", "someone@example.com")).isTrue();
    }

    @Test
    void sevenCharactersAreTooFew() {
        assertThat(policy.accepts("kx7#Lm2", "someone@example.com")).isFalse();
    }

    @Test
    void longPassphraseWithSpacesIsWelcome() {
        assertThat(policy.accepts("correct horse battery staple on a rainy tuesday", null)).isTrue();
    }

    @Test
    void lengthCountsCharactersNotBytesOrUtf16Units() {
        assertThat(policy.accepts("密码很长很长很长", null)).as("8 Chinese characters").isTrue();
        assertThat(policy.accepts("😀😁😂🤣😃😄😅", null)).as("7 emoji, 14 UTF-16 units").isFalse();
    }

    @Test
    void passphraseUpTo256CharactersIsAcceptedLongerIsNot() {
        String base = "a quiet brook ";
        String exactly256 = base.repeat(20).substring(0, 256);
        assertThat(policy.accepts(exactly256, null)).isTrue();
        assertThat(policy.accepts(exactly256 + "x", null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "Password1", "PASSWORD123", "12345678", "qwertyuiop", "iloveyou", "1q2w3e4r"})
    void commonPasswordsAreRefusedWhateverTheirCase(String common) {
        assertThat(policy.accepts(common, null)).isFalse();
    }

    @Test
    void oneCharacterRepeatedIsRefused() {
        assertThat(policy.accepts("zzzzzzzzzzzz", null)).isFalse();
    }

    @Test
    void theAccountsOwnAddressOrItsLocalPartIsRefused() {
        assertThat(policy.accepts("someone.long@example.com", "someone.long@example.com")).isFalse();
        assertThat(policy.accepts("Someone.Long", "someone.long@example.com")).isFalse();
    }

    @Test
    void missingPasswordIsRefused() {
        assertThat(policy.accepts(null, null)).isFalse();
    }

    @Test
    void compatibilityFormsAreNormalizedBeforeCounting() {
        assertThat(PasswordPolicy.normalize("ｐａｓｓｗｏｒｄ")).isEqualTo("password");
        assertThat(policy.accepts("ｐａｓｓｗｏｒｄ", null)).as("full-width 'password'").isFalse();
    }
}
