package org.example.forgotpassword.reset.control;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.account.entity.Account;
import org.example.forgotpassword.mail.control.MailTemplates;
import org.example.forgotpassword.mail.entity.OutgoingMail;

/** Renders the "your password was changed" notice, in the account's language. It carries no token. */
@ApplicationScoped
public class PasswordChangedMailComposer {

    static final String TEMPLATE = "password-changed";

    @Inject
    @ConfigProperty(name = "app.base-url")
    String baseUrl;

    @Inject
    MailTemplates templates;

    public OutgoingMail compose(Account account) {
        String when = account.passwordChangedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        return templates.render(UUID.randomUUID().toString(), TEMPLATE, account.locale(), account.email(),
                Map.of("when", when, "forgot-link", baseUrl.replaceAll("/+$", "") + "/password/forgot/"));
    }
}
