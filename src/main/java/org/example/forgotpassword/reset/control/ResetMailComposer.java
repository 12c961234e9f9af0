package org.example.forgotpassword.reset.control;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.mail.control.MailTemplates;
import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.example.forgotpassword.reset.entity.IssuedToken;

/**
 * Renders the reset mail. The link is built from {@code app.base-url}, never from anything the client sent:
 * a forged Host header must not turn the mail into a phishing link.
 */
@ApplicationScoped
public class ResetMailComposer {

    static final String TEMPLATE = "reset";

    @Inject
    @ConfigProperty(name = "app.base-url")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "reset.token-ttl", defaultValue = "PT30M")
    Duration tokenTtl;

    @Inject
    MailTemplates templates;

    /** @param mailId the mail's id, its {@code Message-ID}: the reset request's id */
    public OutgoingMail compose(String mailId, IssuedToken issued) {
        String link = resetLink(issued.token());
        return templates.render(mailId, TEMPLATE, issued.locale(), issued.email().value(),
                Map.of("link", link, "minutes", Long.toString(Math.max(1, tokenTtl.toMinutes()))));
    }

    String resetLink(String token) {
        String origin = baseUrl.replaceAll("/+$", "");
        return origin + "/password/reset/?token=" + token;
    }
}
