package org.example.forgotpassword.platform.entity;

/** A request that is answered with one of the contract's error codes. Carries no client data in its message. */
public class ApiException extends RuntimeException {

    private final ErrorCode errorCode;

    public ApiException(ErrorCode errorCode) {
        this(errorCode, null);
    }

    public ApiException(ErrorCode errorCode, Throwable cause) {
        super(errorCode.name(), cause, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
