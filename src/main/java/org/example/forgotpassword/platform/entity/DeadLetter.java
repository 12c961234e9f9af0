package org.example.forgotpassword.platform.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The record that a message was moved to the dead-letter queue, and why. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    static final int REASON_LENGTH = 500;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "message_id", length = 128, nullable = false)
    private String messageId;

    @Column(name = "original_queue", length = 128, nullable = false)
    private String originalQueue;

    @Column(name = "reason", length = REASON_LENGTH, nullable = false)
    private String reason;

    @Column(name = "dead_lettered_at", nullable = false)
    private OffsetDateTime deadLetteredAt;

    protected DeadLetter() {
    }

    public DeadLetter(String messageId, String originalQueue, String reason) {
        this.id = UUID.randomUUID().toString();
        this.messageId = messageId;
        this.originalQueue = originalQueue;
        this.reason = reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH - 1) + "…";
        this.deadLetteredAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
