package org.example.forgotpassword.platform.entity;

/**
 * The stable error codes of the HTTP contract. Front ends and scripts depend on these numbers: never renumber.
 * Codes not in the contract's table follow its pattern of 1000 + HTTP status.
 */
public enum ErrorCode {
    INVALID_EMAIL(1001, 400),
    MALFORMED_REQUEST(1002, 400),
    UNSUPPORTED_MEDIA_TYPE(1003, 415),
    PAYLOAD_TOO_LARGE(1004, 413),
    ORIGIN_NOT_ALLOWED(1005, 403),
    INVALID_RESET_TOKEN(1101, 400),
    WEAK_PASSWORD(1102, 400),
    ACCOUNT_EXISTS(1201, 409),
    BAD_CREDENTIALS(1301, 401),
    NOT_FOUND(1404, 404),
    METHOD_NOT_ALLOWED(1405, 405),
    NOT_ACCEPTABLE(1406, 406),
    INTERNAL_ERROR(1500, 500),
    TOO_MANY_REQUESTS(1429, 429),
    QUEUE_UNAVAILABLE(1503, 503);

    private final int code;
    private final int httpStatus;

    ErrorCode(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Key of the localized human message in the {@code i18n/messages} bundle. */
    public String messageKey() {
        return "error." + code;
    }

    public boolean asksClientToRetryLater() {
        return httpStatus == 503 || httpStatus == 429;
    }

    /** The code used for a bare HTTP status (e.g. from JAX-RS itself): 1000 + status where one exists. */
    private boolean isGenericFor(int status) {
        return code == 1000 + status || (status == 400 && this == MALFORMED_REQUEST)
                || (status == 415 && this == UNSUPPORTED_MEDIA_TYPE) || (status == 413 && this == PAYLOAD_TOO_LARGE);
    }

    public static ErrorCode forHttpStatus(int status) {
        for (ErrorCode candidate : values()) {
            if (candidate.httpStatus == status && candidate.isGenericFor(status)) {
                return candidate;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
