package org.example.forgotpassword.reset.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.mail.control.MailTemplates;
import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.example.forgotpassword.reset.entity.IssuedToken;

/**
 * Renders the reset mail. The link comes from {@code reset.link-template} (by default the service's own reset page
 * under {@code app.base-url}), never from anything the client sent: a forged Host header must not turn the mail
 * into a phishing link.
 */
@ApplicationScoped
public class ResetMailComposer {

    static final String TEMPLATE = "reset";
    static final String LINK_TEMPLATE_KEY = "reset.link-template";
    static final String TOKEN = "{token}";

    /** Scheme and authority, then the path, then query and fragment. */
    private static final Pattern URL_PARTS = Pattern.compile("([^:/?#]+://[^/?#]*)([^?#]*)(.*)", Pattern.DOTALL);

    @Inject
    @ConfigProperty(name = LINK_TEMPLATE_KEY)
    String linkTemplate;

    @Inject
    @ConfigProperty(name = "reset.token-ttl", defaultValue = "PT30M")
    Duration tokenTtl;

    @Inject
    MailTemplates templates;

    private String checkedTemplate;

    @PostConstruct
    void checkLinkTemplate() {
        checkedTemplate = checked(linkTemplate);
    }

    /** Created with the application, so that a bad template stops the deployment instead of the first mail. */
    void checkAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    }

    /** @param mailId the mail's id, its {@code Message-ID}: the reset request's id */
    public OutgoingMail compose(String mailId, IssuedToken issued) {
        String link = resetLink(issued.token());
        return templates.render(mailId, TEMPLATE, issued.locale(), issued.email().value(),
                Map.of("link", link, "minutes", Long.toString(Math.max(1, tokenTtl.toMinutes()))));
    }

    /** Tokens are base64url: nothing in them needs escaping in a URL. */
    String resetLink(String token) {
        return checkedTemplate.replace(TOKEN, token);
    }

    /**
     * The template with repeated slashes in its path made single ({@code app.base-url} may end with a slash).
     * @throws IllegalStateException naming the key and its environment variable, unless the template is an
     *         absolute http(s) URL with {@code {token}} exactly once, after the host
     */
    static String checked(String template) {
        int first = template.indexOf(TOKEN);
        if (first < 0 || template.indexOf(TOKEN, first + 1) >= 0) {
            throw invalid(template, "must contain " + TOKEN + " exactly once");
        }
        Matcher parts = URL_PARTS.matcher(template);
        if (!parts.matches()) {
            throw invalid(template, "must be an absolute http or https URL");
        }
        String normalized = parts.group(1) + parts.group(2).replaceAll("/{2,}", "/") + parts.group(3);
        URI one = uri(normalized, "a");
        URI other = uri(normalized, "b");
        String scheme = one.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || one.getHost() == null) {
            throw invalid(template, "must be an absolute http or https URL");
        }
        if (!Objects.equals(one.getRawAuthority(), other.getRawAuthority())) {
            throw invalid(template, "must have " + TOKEN + " in the path, query or fragment, not in the host");
        }
        return normalized;
    }

    private static URI uri(String template, String token) {
        try {
            return new URI(template.replace(TOKEN, token));
        } catch (URISyntaxException e) {
            throw invalid(template, "must be an absolute http or https URL");
        }
    }

    private static IllegalStateException invalid(String template, String problem) {
        return new IllegalStateException(LINK_TEMPLATE_KEY + " (RESET_LINK_TEMPLATE) " + problem + ", e.g. "
                + "https://app.example.com/reset?token=" + TOKEN + "; is: " + template);
    }
}
