package org.example.forgotpassword.account.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.example.forgotpassword.platform.entity.SupportedLocales;

/** A user account: the normalized (lower-case) address is its identity. Only a hash of the password is kept. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_EMAIL, query = "SELECT a FROM Account a WHERE a.email = :email")
public class Account {

    public static final String BY_EMAIL = "Account.byEmail";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false, length = 16)
    private String locale;

    @Column(name = "password_changed_at", nullable = false)
    private OffsetDateTime passwordChangedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Account() {
    }

    public Account(String email, String passwordHash, Locale locale) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.locale = locale.toLanguageTag();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.passwordChangedAt = createdAt;
    }

    public void changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
        this.passwordChangedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Locale locale() {
        return SupportedLocales.fromTag(locale);
    }

    public OffsetDateTime passwordChangedAt() {
        return passwordChangedAt;
    }
}
