package org.example.forgotpassword.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;

import org.example.forgotpassword.platform.entity.WebOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedOriginsTest {

    private static AllowedOrigins configured(String value) {
        AllowedOrigins origins = new AllowedOrigins();
        origins.configured = Optional.ofNullable(value);
        origins.parse();
        return origins;
    }

    @Test
    void noneAreAllowedByDefault() {
        AllowedOrigins origins = configured(null);

        assertThat(origins.allowed("https://app.example.com")).isEmpty();
        assertThat(origins.allowed(null)).isEmpty();
    }

    @Test
    void listedOriginsAreAllowedInTheBrowsersSpelling() {
        AllowedOrigins origins = configured(" https://App.example.com , http://127.0.0.1:5173,");

        assertThat(origins.allowed("https://app.example.com")).contains(WebOrigin.parse("https://app.example.com"));
        assertThat(origins.allowed("http://127.0.0.1:5173")).map(WebOrigin::toString).contains("http://127.0.0.1:5173");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.com", "https://app.example.com:8443", "https://evil.example.com",
            "https://app.example.com.evil.example", "null", "https://app.example.com/", "*", ""})
    void anythingElseIsNotAllowed(String origin) {
        assertThat(configured("https://app.example.com").allowed(origin)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://app.example.com/", "https://app.example.com/app", "https://*.example.com",
            "app.example.com", "https://app.example.com,null"})
    void aBadEntryIsRefusedNamingTheEntry(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> AllowedOrigins.parse(value))
                .withMessageContaining("is not an origin: ");
    }

    @Test
    void theMessageNamesTheWrongEntryAmongRightOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AllowedOrigins.parse("https://a.example, https://b.example/"))
                .withMessageStartingWith("\"https://b.example/\" is not an origin: ");
    }
}
