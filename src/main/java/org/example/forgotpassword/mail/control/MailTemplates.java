package org.example.forgotpassword.mail.control;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.example.forgotpassword.platform.control.TextResources;
import org.example.forgotpassword.platform.entity.SupportedLocales;

/**
 * Renders a mail from {@code mail-templates/<name>_<language>.txt|.html} and the subject from the
 * {@code i18n/mail} bundle ({@code <name>.subject}), prefixed with {@code mail.subject-prefix}. Placeholders are
 * {@code {{name}}}; values are HTML-escaped in the HTML part. An unknown placeholder is an error, not an empty
 * string, so a typo in a template cannot silently drop the link.
 */
@ApplicationScoped
public class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)}}");

    @Inject
    @ConfigProperty(name = "mail.subject-prefix", defaultValue = "")
    String subjectPrefix;

    @Inject
    TextResources texts;

    /** @param mailId the mail's stable id, which becomes its {@code Message-ID} */
    public OutgoingMail render(String mailId, String name, Locale locale, String recipient,
                               Map<String, String> values) {
        String language = SupportedLocales.templateSuffix(locale);
        // No fallback to the JVM's default locale: English is the base bundle, not whatever the server runs in.
        String subject = ResourceBundle.getBundle("i18n.mail", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT))
                .getString(name + ".subject");
        String text = fill(texts.get("mail-templates/" + name + "_" + language + ".txt"), values, false);
        String html = fill(texts.get("mail-templates/" + name + "_" + language + ".html"), values, true);
        String prefixedSubject = subjectPrefix.isBlank() ? subject : subjectPrefix.strip() + " " + subject;
        return new OutgoingMail(mailId, recipient, prefixedSubject, text, html);
    }

    static String fill(String template, Map<String, String> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for placeholder " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? escapeHtml(value) : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String escapeHtml(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

}
