package org.example.forgotpassword.account.control;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.example.forgotpassword.account.entity.Account;
import org.example.forgotpassword.account.entity.EmailAddress;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;

/** Creating accounts, finding them by address and checking their passwords. */
@ApplicationScoped
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    @Inject
    EntityManager entityManager;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHasher hasher;

    /**
     * @throws ApiException {@link ErrorCode#WEAK_PASSWORD} when the password fails the policy,
     *                      {@link ErrorCode#ACCOUNT_EXISTS} when the address has an account already
     */
    @Transactional
    public Account create(EmailAddress email, String password, Locale locale) {
        if (!policy.accepts(password, email.canonical())) {
            throw new ApiException(ErrorCode.WEAK_PASSWORD);
        }
        if (find(email).isPresent()) {
            throw new ApiException(ErrorCode.ACCOUNT_EXISTS);
        }
        Account account = new Account(email.canonical(), hasher.hash(password), locale);
        entityManager.persist(account);
        entityManager.flush();
        LOG.info(() -> "Created account " + account.id() + " for " + email.masked());
        return account;
    }

    public Optional<Account> find(EmailAddress email) {
        return entityManager.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", email.canonical())
                .getResultStream().findFirst();
    }

    /** Whether the password is the account's; takes the same time whether or not the account exists. */
    public boolean authenticate(EmailAddress email, String password) {
        Optional<Account> account = find(email);
        if (account.isEmpty()) {
            hasher.matchDecoy(password);
            return false;
        }
        return hasher.matches(password, account.get().passwordHash());
    }
}
