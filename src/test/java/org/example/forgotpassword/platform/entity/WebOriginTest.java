package org.example.forgotpassword.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebOriginTest {

    @Test
    void browsersSpellingIsKept() {
        assertThat(WebOrigin.parse("https://app.example.com")).hasToString("https://app.example.com");
        assertThat(WebOrigin.parse("http://127.0.0.1:5173")).hasToString("http://127.0.0.1:5173");
        assertThat(WebOrigin.parse("http://[::1]:8080")).hasToString("http://[::1]:8080");
    }

    @Test
    void otherSpellingsOfOneOriginAreEqual() {
        assertThat(WebOrigin.parse("HTTPS://App.Example.COM:443"))
                .isEqualTo(WebOrigin.parse("https://app.example.com"))
                .hasToString("https://app.example.com");
        assertThat(WebOrigin.parse("http://localhost:80")).isEqualTo(WebOrigin.parse("http://localhost"));
    }

    @Test
    void schemeAndPortMakeADifferentOrigin() {
        assertThat(WebOrigin.parse("http://app.example.com")).isNotEqualTo(WebOrigin.parse("https://app.example.com"));
        assertThat(WebOrigin.parse("https://app.example.com:8443"))
                .isNotEqualTo(WebOrigin.parse("https://app.example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://*.example.com", "https://app.example.com/", "https://app.example.com/app",
            "https://app.example.com?x", "https://app.example.com#x", "ftp://app.example.com", "app.example.com",
            "null", "https://user@app.example.com", "https://", "https://app example.com", ""})
    void anythingButSchemeHostAndPortIsNotAnOrigin(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> WebOrigin.parse(value));
        assertThat(WebOrigin.fromHeader(value)).isEmpty();
    }
}
