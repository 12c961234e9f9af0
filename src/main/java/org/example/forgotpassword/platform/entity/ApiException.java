package org.example.forgotpassword.platform.entity;

import java.time.Duration;
import java.util.Optional;

/** A request that is answered with one of the contract's error codes. Carries no client data in its message. */
public class ApiException extends RuntimeException {

    private final ErrorCode errorCode;
    private final Duration retryAfter;

    public ApiException(ErrorCode errorCode) {
        this(errorCode, (Throwable) null);
    }

    public ApiException(ErrorCode errorCode, Throwable cause) {
        super(errorCode.name(), cause, false, false);
        this.errorCode = errorCode;
        this.retryAfter = null;
    }

    /** For 429/503: how long the client should wait before trying again. */
    public ApiException(ErrorCode errorCode, Duration retryAfter) {
        super(errorCode.name(), null, false, false);
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
