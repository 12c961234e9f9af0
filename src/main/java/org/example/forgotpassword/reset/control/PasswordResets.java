package org.example.forgotpassword.reset.control;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.example.forgotpassword.account.control.PasswordHasher;
import org.example.forgotpassword.account.control.PasswordPolicy;
import org.example.forgotpassword.account.entity.Account;
import org.example.forgotpassword.mail.control.MailOutbox;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;

/**
 * Sets a new password with a reset token. In one transaction: the token is checked, the password changed, every
 * token of the account spent and the "your password was changed" mail put into the outbox (sent after the
 * commit); any failure undoes all of it.
 */
@ApplicationScoped
public class PasswordResets {

    private static final Logger LOG = Logger.getLogger(PasswordResets.class.getName());

    @Inject
    ResetTokenStore tokenStore;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordChangedMailComposer passwordChangedMails;

    @Inject
    MailOutbox outbox;

    /**
     * @throws ApiException {@link ErrorCode#INVALID_RESET_TOKEN} or {@link ErrorCode#WEAK_PASSWORD}; a weak
     *                      password leaves the token usable
     */
    @Transactional
    public void reset(String token, String newPassword) {
        Account account = tokenStore.redeem(token);
        if (!policy.accepts(newPassword, account.email())) {
            throw new ApiException(ErrorCode.WEAK_PASSWORD);
        }
        account.changePassword(hasher.hash(newPassword));
        tokenStore.spendAll(account);
        outbox.add(passwordChangedMails.compose(account));
        LOG.info(() -> "Password of account " + account.id() + " changed with a reset token");
    }
}
