package org.example.forgotpassword.mail.control;

/**
 * The mail server refused a mail for good (a 5xx reply, e.g. 550 unknown mailbox): trying again cannot help, so
 * the mail is dead-lettered after this one attempt instead of being retried.
 */
public class PermanentMailFailureException extends MailDeliveryException {

    private final int smtpCode;

    public PermanentMailFailureException(String message, int smtpCode, Throwable cause) {
        super(message, cause);
        this.smtpCode = smtpCode;
    }

    public int smtpCode() {
        return smtpCode;
    }
}
