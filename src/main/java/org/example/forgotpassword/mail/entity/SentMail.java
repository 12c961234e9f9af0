package org.example.forgotpassword.mail.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The record that the SMTP server accepted a mail. */
@Entity
@Table(name = "sent_mail")
public class SentMail {

    @Id
    @Column(name = "mail_id", length = 64)
    private String mailId;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    protected SentMail() {
    }

    public SentMail(String mailId) {
        this.mailId = mailId;
        this.sentAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
