package org.example.forgotpassword.reset.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.example.forgotpassword.account.entity.Account;
import org.example.forgotpassword.account.entity.EmailAddress;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.reset.entity.IssuedToken;
import org.example.forgotpassword.reset.entity.ResetToken;

/** Issues, redeems and spends reset tokens; inside the caller's transaction, but for {@link #issue(Account)}. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ResetTokenStore {

    @Inject
    EntityManager entityManager;

    @Inject
    ResetTokens tokens;

    /**
     * A new token for the account, in a database transaction of its own: every older unspent token of the account
     * stops working, and only the new token's hash is stored. The account may have been read outside it.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public IssuedToken issue(Account account) {
        Account managed = entityManager.getReference(Account.class, account.id());
        spendAll(managed);
        String token = tokens.newToken();
        entityManager.persist(new ResetToken(managed, tokens.hash(token), tokens.timeToLive()));
        return new IssuedToken(EmailAddress.parse(account.email()), account.locale(), token, tokens.timeToLive());
    }

    /**
     * The account a usable token belongs to; the token's row stays locked until the transaction ends, so the same
     * token cannot be redeemed twice concurrently.
     *
     * @throws ApiException {@link ErrorCode#INVALID_RESET_TOKEN} for a malformed, unknown, expired or spent token
     */
    public Account redeem(String token) {
        if (!tokens.isWellFormed(token)) {
            throw new ApiException(ErrorCode.INVALID_RESET_TOKEN);
        }
        ResetToken stored = entityManager.createNamedQuery(ResetToken.BY_HASH, ResetToken.class)
                .setParameter("hash", tokens.hash(token))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_RESET_TOKEN));
        if (!stored.isUsable()) {
            throw new ApiException(ErrorCode.INVALID_RESET_TOKEN);
        }
        return stored.account();
    }

    /** Makes every unspent token of the account unusable. */
    public void spendAll(Account account) {
        entityManager.createNamedQuery(ResetToken.SPEND_ALL_OF_ACCOUNT)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter("account", account)
                .executeUpdate();
    }
}
