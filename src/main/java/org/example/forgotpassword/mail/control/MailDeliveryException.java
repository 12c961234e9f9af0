package org.example.forgotpassword.mail.control;

/** The mail server did not accept a mail. The delivery is rolled back and retried by the broker. */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
