package org.example.forgotpassword.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCodeTest {

    /** One bundle file on its own, without the parent chain that would hide a key missing from it. */
    private static ResourceBundle bundleFile(String resource) {
        try (InputStream in = ErrorCodeTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ResourceBundle ENGLISH = bundleFile("i18n/messages.properties");
    private static final ResourceBundle CHINESE = bundleFile("i18n/messages_zh.properties");

    /** The codes of their own (requests 10xx, resets 11xx, accounts 12xx, sign-in 13xx) and 1503, as published. */
    @Test
    void contractCodesAndStatusesNeverChange() {
        assertThat(ErrorCode.values())
                .filteredOn(code -> code.code() < 1400 || code == ErrorCode.QUEUE_UNAVAILABLE)
                .extracting(ErrorCode::name, ErrorCode::code, ErrorCode::httpStatus)
                .containsExactly(
                        tuple("INVALID_EMAIL", 1001, 400),
                        tuple("MALFORMED_REQUEST", 1002, 400),
                        tuple("UNSUPPORTED_MEDIA_TYPE", 1003, 415),
                        tuple("PAYLOAD_TOO_LARGE", 1004, 413),
                        tuple("ORIGIN_NOT_ALLOWED", 1005, 403),
                        tuple("INVALID_RESET_TOKEN", 1101, 400),
                        tuple("WEAK_PASSWORD", 1102, 400),
                        tuple("ACCOUNT_EXISTS", 1201, 409),
                        tuple("BAD_CREDENTIALS", 1301, 401),
                        tuple("QUEUE_UNAVAILABLE", 1503, 503));
    }

    @Test
    void statusLikeCodesAreThousandPlusTheHttpStatus() {
        assertThat(ErrorCode.values())
                .filteredOn(code -> code.code() >= 1400)
                .allSatisfy(code -> assertThat(code.code()).isEqualTo(1000 + code.httpStatus()))
                .extracting(ErrorCode::code)
                .containsExactly(1404, 1405, 1406, 1500, 1429, 1503);
    }

    @Test
    void codesAreUnique() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates();
    }

    @Test
    void messageKeyIsErrorDotCode() {
        assertThat(ErrorCode.INVALID_EMAIL.messageKey()).isEqualTo("error.1001");
        assertThat(ErrorCode.QUEUE_UNAVAILABLE.messageKey()).isEqualTo("error.1503");
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeHasAnEnglishMessage(ErrorCode code) {
        assertThat(ENGLISH.containsKey(code.messageKey())).as(code.messageKey()).isTrue();
        assertThat(ENGLISH.getString(code.messageKey())).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeHasAChineseMessageOfItsOwn(ErrorCode code) {
        assertThat(CHINESE.containsKey(code.messageKey())).as(code.messageKey()).isTrue();
        assertThat(CHINESE.getString(code.messageKey()))
                .isNotBlank()
                .isNotEqualTo(ENGLISH.getString(code.messageKey()))
                .containsPattern("\\p{IsHan}");
    }

    @Test
    void englishAndChineseBundlesHaveTheSameKeys() {
        assertThat(CHINESE.keySet()).containsExactlyInAnyOrderElementsOf(ENGLISH.keySet());
    }

    @Test
    void bundlesAreFoundByTheirLocales() {
        assertThat(ResourceBundle.getBundle("i18n.messages", Locale.SIMPLIFIED_CHINESE).getString("error.1004"))
                .isEqualTo("请求内容过大。");
        assertThat(ResourceBundle.getBundle("i18n.messages", Locale.ROOT).getString("error.1004"))
                .isEqualTo("The request body is too large.");
    }

    @Test
    void onlyRateLimitsAndTheUnavailableQueueAskTheClientToRetryLater() {
        assertThat(ErrorCode.values())
                .filteredOn(ErrorCode::asksClientToRetryLater)
                .containsExactly(ErrorCode.TOO_MANY_REQUESTS, ErrorCode.QUEUE_UNAVAILABLE);
    }

    @ParameterizedTest
    @CsvSource({
            "400, MALFORMED_REQUEST",
            "404, NOT_FOUND",
            "405, METHOD_NOT_ALLOWED",
            "406, NOT_ACCEPTABLE",
            "413, PAYLOAD_TOO_LARGE",
            "415, UNSUPPORTED_MEDIA_TYPE",
            "429, TOO_MANY_REQUESTS",
            "500, INTERNAL_ERROR",
            "503, QUEUE_UNAVAILABLE"})
    void httpStatusWithItsOwnCodeMapsToIt(int status, ErrorCode expected) {
        assertThat(ErrorCode.forHttpStatus(status)).isEqualTo(expected);
    }

    @Test
    void badRequestFromTheFrameworkIsNeverReportedAsAnInvalidEmail() {
        assertThat(ErrorCode.forHttpStatus(400)).isNotEqualTo(ErrorCode.INVALID_EMAIL);
    }

    @Test
    void forbiddenFromTheFrameworkIsNeverReportedAsARefusedOrigin() {
        assertThat(ErrorCode.forHttpStatus(403)).isNotEqualTo(ErrorCode.ORIGIN_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 409, 410, 422})
    void otherClientErrorsAreMalformedRequests(int status) {
        assertThat(ErrorCode.forHttpStatus(status)).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(ints = {501, 502, 504, 599})
    void otherServerErrorsAreInternalErrors(int status) {
        assertThat(ErrorCode.forHttpStatus(status)).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }
}
