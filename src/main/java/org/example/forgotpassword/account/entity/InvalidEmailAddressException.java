package org.example.forgotpassword.account.entity;

import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;

public class InvalidEmailAddressException extends ApiException {

    public InvalidEmailAddressException() {
        super(ErrorCode.INVALID_EMAIL);
    }
}
