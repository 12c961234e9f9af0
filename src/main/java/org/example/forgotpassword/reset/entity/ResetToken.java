package org.example.forgotpassword.reset.entity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.example.forgotpassword.account.entity.Account;

/**
 * A password-reset token as stored: its SHA-256 hash, when it expires and when it was spent (used, or made
 * invalid by a newer token or a password change). The token itself exists only in the mail.
 */
@Entity
@Table(name = "reset_token")
@NamedQuery(name = ResetToken.BY_HASH, query = "SELECT t FROM ResetToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = ResetToken.SPEND_ALL_OF_ACCOUNT,
        query = "UPDATE ResetToken t SET t.spentAt = :now WHERE t.account = :account AND t.spentAt IS NULL")
public class ResetToken {

    public static final String BY_HASH = "ResetToken.byHash";
    public static final String SPEND_ALL_OF_ACCOUNT = "ResetToken.spendAllOfAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reset_token_seq")
    @SequenceGenerator(name = "reset_token_seq", sequenceName = "reset_token_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "spent_at")
    private OffsetDateTime spentAt;

    protected ResetToken() {
    }

    public ResetToken(Account account, String tokenHash, Duration timeToLive) {
        this.account = account;
        this.tokenHash = tokenHash;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.expiresAt = createdAt.plus(timeToLive);
    }

    public boolean isUsable() {
        return spentAt == null && OffsetDateTime.now(ZoneOffset.UTC).isBefore(expiresAt);
    }

    public Account account() {
        return account;
    }
}
