package org.example.forgotpassword.reset.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.mail.control.MailTemplates;
import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.example.forgotpassword.reset.entity.IssuedToken;

/**
 * Renders the reset mail. The link comes from {@code reset.link-template} (by default the service's own reset page
 * under {@code app.base-url}), never from anything the client sent: a forged Host header must not turn the mail
 * into a phishing link. A wrong template stops the deployment: the settings check applies {@link #checked(String)}
 * when the application starts.
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
    MailTemplates templates;

    private String checkedTemplate;

    @PostConstruct
    void checkLinkTemplate() {
        checkedTemplate = checked(linkTemplate);
    }

    /** @param mailId the mail's id, its {@code Message-ID}: the reset request's id */
    public OutgoingMail compose(String mailId, IssuedToken issued) {
        String link = resetLink(issued.token());
        return templates.render(mailId, TEMPLATE, issued.locale(), issued.email().value(),
                Map.of("link", link, "minutes", Long.toString(Math.max(1, issued.validFor().toMinutes()))));
    }

    /** Tokens are base64url: nothing in them needs escaping in a URL. */
    String resetLink(String token) {
        return checkedTemplate.replace(TOKEN, token);
    }

    /**
     * The template with repeated slashes in its path made single ({@code app.base-url} may end with a slash).
     * @throws IllegalArgumentException saying what is wrong, unless the template is an absolute http(s) URL with
     *         {@code {token}} exactly once, after the host
     */
    public static String checked(String template) {
        int first = template.indexOf(TOKEN);
        if (first < 0 || template.indexOf(TOKEN, first + 1) >= 0) {
            throw new IllegalArgumentException(TOKEN + " must appear exactly once");
        }
        Matcher parts = URL_PARTS.matcher(template);
        if (!parts.matches()) {
            throw notAnAbsoluteUrl();
        }
        String normalized = parts.group(1) + parts.group(2).replaceAll("/{2,}", "/") + parts.group(3);
        URI one = uri(normalized, "a");
        URI other = uri(normalized, "b");
        String scheme = one.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || one.getHost() == null) {
            throw notAnAbsoluteUrl();
        }
        if (!Objects.equals(one.getRawAuthority(), other.getRawAuthority())) {
            throw new IllegalArgumentException(TOKEN + " must be in the path, query or fragment, not in the host");
        }
        return normalized;
    }

    private static URI uri(String template, String token) {
        try {
            return new URI(template.replace(TOKEN, token));
        } catch (URISyntaxException e) {
            throw notAnAbsoluteUrl();
        }
    }

    private static IllegalArgumentException notAnAbsoluteUrl() {
        return new IllegalArgumentException("not an absolute http or https URL");
    }
}
