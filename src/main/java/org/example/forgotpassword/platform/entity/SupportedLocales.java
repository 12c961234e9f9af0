package org.example.forgotpassword.platform.entity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the service answers and mails in; anything else falls back to English. */
public final class SupportedLocales {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private SupportedLocales() {
    }

    public static Locale pick(List<Locale> preferences) {
        for (Locale preference : preferences) {
            if (preference == null) {
                continue;
            }
            if ("zh".equalsIgnoreCase(preference.getLanguage())) {
                return CHINESE;
            }
            if ("en".equalsIgnoreCase(preference.getLanguage())) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }

    /**
     * The language an account may choose explicitly: {@code en}, {@code zh} or {@code zh-CN}.
     *
     * @return empty for any other tag
     */
    public static Optional<Locale> chosen(String tag) {
        return switch (tag.strip()) {
            case "en" -> Optional.of(ENGLISH);
            case "zh", "zh-CN" -> Optional.of(CHINESE);
            default -> Optional.empty();
        };
    }

    /** The suffix of the page and mail templates in the language: {@code zh} or {@code en}. */
    public static String templateSuffix(Locale locale) {
        return "zh".equals(pick(List.of(locale)).getLanguage()) ? "zh" : "en";
    }

    /** Parses a language tag carried in a message or a stored setting; unknown or blank tags mean English. */
    public static Locale fromTag(String tag) {
        return tag == null || tag.isBlank() ? ENGLISH : pick(List.of(Locale.forLanguageTag(tag)));
    }
}
