package org.example.forgotpassword.reset.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ResetTokensTest {

    private final ResetTokens tokens = new ResetTokens();

    @Test
    void tokenIs43UrlSafeCharacters() {
        assertThat(tokens.newToken()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void tokenCarries256Bits() {
        byte[] decoded = Base64.getUrlDecoder().decode(tokens.newToken());

        assertThat(decoded).hasSize(32);
    }

    @Test
    void tokenHasNoPaddingAndNeedsNoUrlEscaping() {
        for (int i = 0; i < 200; i++) {
            assertThat(tokens.newToken()).doesNotContain("=", "+", "/", "%");
        }
    }

    @Test
    void tokensDifferFromEachOther() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(tokens.newToken());
        }

        assertThat(seen).hasSize(10_000);
    }

    @Test
    void tokensFromDifferentInstancesDiffer() {
        assertThat(new ResetTokens().newToken()).isNotEqualTo(new ResetTokens().newToken());
    }
}
