package org.example.forgotpassword.platform.control;

import java.util.List;
import java.util.Locale;

/** The languages the service answers and mails in; anything else falls back to English. */
public final class SupportedLocales {

    private SupportedLocales() {
    }

    public static Locale pick(List<Locale> preferences) {
        for (Locale preference : preferences) {
            if (preference == null) {
                continue;
            }
            if ("zh".equalsIgnoreCase(preference.getLanguage())) {
                return Messages.CHINESE;
            }
            if ("en".equalsIgnoreCase(preference.getLanguage())) {
                return Messages.ENGLISH;
            }
        }
        return Messages.ENGLISH;
    }

    /** Parses a language tag carried in a message or a stored setting; unknown or blank tags mean English. */
    public static Locale fromTag(String tag) {
        return tag == null || tag.isBlank() ? Messages.ENGLISH : pick(List.of(Locale.forLanguageTag(tag)));
    }
}
