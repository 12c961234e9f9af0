package org.example.forgotpassword.platform.control;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;

import org.example.forgotpassword.platform.entity.SupportedLocales;

/**
 * Localized human texts. The service speaks English and Chinese: the first supported language in the client's
 * preference list wins, English otherwise.
 */
@ApplicationScoped
public class Messages {

    public Locale preferredLocale(List<Locale> acceptableLanguages) {
        return SupportedLocales.pick(acceptableLanguages);
    }

    public String text(String key, Locale locale) {
        // No fallback to the JVM's default locale: English is the base bundle, not whatever the server runs in.
        return ResourceBundle.getBundle("i18n.messages", SupportedLocales.pick(List.of(locale)),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT)).getString(key);
    }
}
