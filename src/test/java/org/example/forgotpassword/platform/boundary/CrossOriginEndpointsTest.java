package org.example.forgotpassword.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrossOriginEndpointsTest {

    @ParameterizedTest
    @ValueSource(strings = {"password/forgot/", "password/forgot", "/password/forgot/", "password/reset/",
            "password/reset", "accounts/", "accounts", "login/", "/login"})
    void theJsonPostsOfTheContractWithAndWithoutTheTrailingSlash(String path) {
        assertThat(CrossOriginEndpoints.includes(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "password", "password/forgot/forgot.js", "password/reset/page.css",
            "ops/metrics", "health/ready", "loginx", "password/forgotten"})
    void nothingElse(String path) {
        assertThat(CrossOriginEndpoints.includes(path)).isFalse();
    }
}
