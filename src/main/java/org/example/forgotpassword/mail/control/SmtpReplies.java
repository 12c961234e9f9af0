package org.example.forgotpassword.mail.control;

import java.util.OptionalInt;

import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Reads the SMTP reply code out of a Jakarta Mail failure: 5xx means permanent (RFC 5321, 4.2.1), 4xx and failures
 * without a reply (connection refused, timeouts) are transient.
 */
final class SmtpReplies {

    private SmtpReplies() {
    }

    /** The first permanent (5xx) reply code in the failure and its chained failures, if any. */
    static OptionalInt permanentCode(MessagingException failure) {
        for (Exception e = failure; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            int code = replyCode(e);
            if (code >= 500 && code < 600) {
                return OptionalInt.of(code);
            }
        }
        return OptionalInt.empty();
    }

    private static int replyCode(Exception failure) {
        if (failure instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (failure instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        if (failure instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        return -1;
    }
}
