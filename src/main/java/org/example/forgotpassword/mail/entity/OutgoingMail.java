package org.example.forgotpassword.mail.entity;

/**
 * A rendered mail: one recipient, a subject and the same content as plain text and HTML. The id is stable for
 * the mail's whole life and becomes its {@code Message-ID}.
 */
public record OutgoingMail(String mailId, String to, String subject, String text, String html) {
}
