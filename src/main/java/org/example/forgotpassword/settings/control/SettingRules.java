package org.example.forgotpassword.settings.control;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;

import org.example.forgotpassword.platform.boundary.AllowedOrigins;
import org.example.forgotpassword.platform.entity.RateLimit;
import org.example.forgotpassword.reset.control.ResetMailComposer;

/**
 * What every setting of the service must look like, checked all at once when the application starts
 * ({@link SettingsCheck}): a wrong value stops the deployment with a message naming the key and its environment
 * variable, instead of failing every request that needs it. Values with a parser of their own (the reset link
 * template, the allowed origins) are checked by that parser, which also says what is wrong. No rule covers a
 * secret, so no secret is ever quoted.
 */
public final class SettingRules {

    private static final Pattern LITERAL_ADDRESS = Pattern.compile("[0-9a-fA-F.:]+");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\p{Cntrl}");
    /** Jakarta Mail takes its timeouts as int milliseconds. */
    private static final Duration LONGEST_SMTP_TIMEOUT = Duration.ofHours(24);
    /** A request waits this long at most for its rate-limit count (the connection's network timeout, int millis). */
    private static final Duration LONGEST_RATE_LIMIT_WAIT = Duration.ofMinutes(1);

    /**
     * One key and what its value must be.
     *
     * @param required whether a missing or blank value is wrong
     * @param verify   throws {@link IllegalArgumentException} for a wrong value, with what is wrong as its message
     *                 or none when the expectation says it all
     */
    record Rule(String key, boolean required, String expectation, Consumer<String> verify) {

        Optional<String> check(Function<String, Optional<String>> lookup) {
            Optional<String> value;
            try {
                value = lookup.apply(key).filter(text -> !text.isBlank()).map(String::strip);
            } catch (RuntimeException unreadable) {
                // e.g. ${other.key} in the value with other.key not set
                return Optional.of(describe() + " cannot be read: " + unreadable.getMessage());
            }
            if (value.isEmpty()) {
                return required ? Optional.of(describe() + " must be set: " + expectation) : Optional.empty();
            }
            try {
                verify.accept(value.get());
                return Optional.empty();
            } catch (IllegalArgumentException wrong) {
                return Optional.of(describe() + " must be " + expectation + ", got \"" + value.get() + "\""
                        + (wrong.getMessage() == null ? "" : ": " + wrong.getMessage()));
            }
        }

        String describe() {
            return key + " (environment variable " + environmentVariable(key) + ")";
        }
    }

    /** Whether a value is right; whatever it throws counts as wrong. */
    @FunctionalInterface
    interface Accepts {
        boolean test(String value) throws Exception;
    }

    static final List<Rule> RULES = List.of(
            httpUrl("app.base-url"),
            mailAddress("mail.from"),
            singleLine("mail.subject-prefix"),
            nonBlank("mail.smtp.host", "a host name or address"),
            wholeNumber("mail.smtp.port", 1, 65_535),
            bool("mail.smtp.starttls"),
            positiveDuration("mail.smtp.connect-timeout", LONGEST_SMTP_TIMEOUT),
            positiveDuration("mail.smtp.timeout", LONGEST_SMTP_TIMEOUT),
            wholeNumber("mail.smtp.pool-size", 0, 1_000),
            positiveDuration("mail.outbox.sweep-interval"),
            positiveDuration("mail.outbox.lease"),
            positiveDuration("reset.token-ttl"),
            parsedBy("reset.link-template", true, "an absolute http or https URL with {token} exactly once after the"
                    + " host, such as https://app.example.com/reset?token={token}", ResetMailComposer::checked),
            wholeNumber("http.max-body-bytes", 256, 1_048_576),
            parsedBy("http.cors.allowed-origins", false, "empty or a comma-separated list of origins"
                    + " scheme://host[:port] such as https://app.example.com", AllowedOrigins::parse),
            trustedProxies("http.trusted-proxies"),
            wholeNumber("password.hash.iterations", 1_024, 100_000_000),
            rateLimit("rate-limit.forgot.per-address"),
            rateLimit("rate-limit.forgot.per-client"),
            rateLimit("rate-limit.login.per-address"),
            rateLimit("rate-limit.login.per-client"),
            rateLimit("rate-limit.reset.per-client"),
            rateLimit("rate-limit.reset.per-token"),
            rateLimit("rate-limit.accounts.per-client"),
            positiveDuration("rate-limit.database.timeout", LONGEST_RATE_LIMIT_WAIT),
            positiveDuration("rate-limit.database.retry-interval"),
            positiveDuration("rate-limit.sweep-interval"),
            logLevel("log.per-message-level"),
            nonBlank("artemis.management-address", "the broker's management address"),
            positiveDuration("metrics.queue-depth-timeout"),
            bool("mp.openapi.scan.disable"));

    private SettingRules() {
    }

    /**
     * @param lookup a key's value as the application reads it (MicroProfile Config), empty when it is not set
     * @return one line per setting that is missing or wrong; empty when all are right
     */
    public static List<String> problems(Function<String, Optional<String>> lookup) {
        List<String> problems = new ArrayList<>();
        for (Rule rule : RULES) {
            rule.check(lookup).ifPresent(problems::add);
        }
        return problems;
    }

    /** MicroProfile Config's mapping: upper case, every character other than a letter or digit becomes '_'. */
    static String environmentVariable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** A required value that {@code accepts}. */
    static Rule rule(String key, String expectation, Accepts accepts) {
        return new Rule(key, true, expectation, value -> {
            boolean accepted;
            try {
                accepted = accepts.test(value);
            } catch (Exception unparseable) {
                accepted = false;
            }
            if (!accepted) {
                throw new IllegalArgumentException();
            }
        });
    }

    /** A value checked by the parser the application itself uses, whose message says what is wrong. */
    static Rule parsedBy(String key, boolean required, String expectation, Consumer<String> parser) {
        return new Rule(key, required, expectation, parser);
    }

    static Rule httpUrl(String key) {
        return rule(key, "an absolute http or https URL such as https://example.com", value -> {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        });
    }

    static Rule mailAddress(String key) {
        return rule(key, "a mail address such as \"Name <no-reply@example.com>\"", value -> {
            new InternetAddress(value, true);
            return true;
        });
    }

    static Rule singleLine(String key) {
        return new Rule(key, false, "one line of text without control characters", value -> {
            if (CONTROL_CHARACTER.matcher(value).find()) {
                throw new IllegalArgumentException();
            }
        });
    }

    static Rule nonBlank(String key, String expectation) {
        return rule(key, expectation, value -> !value.isBlank());
    }

    static Rule wholeNumber(String key, long min, long max) {
        return rule(key, "a whole number from " + min + " to " + max, value -> {
            long number = Long.parseLong(value);
            return number >= min && number <= max;
        });
    }

    static Rule bool(String key) {
        return rule(key, "true or false", value -> "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value));
    }

    static Rule positiveDuration(String key) {
        return rule(key, "an ISO-8601 duration longer than zero, such as PT30S",
                value -> isPositive(Duration.parse(value)));
    }

    static Rule positiveDuration(String key, Duration longest) {
        return rule(key, "an ISO-8601 duration longer than zero and at most " + longest + ", such as PT30S", value -> {
            Duration duration = Duration.parse(value);
            return isPositive(duration) && duration.compareTo(longest) <= 0;
        });
    }

    static Rule rateLimit(String key) {
        return rule(key, "<requests>/<ISO-8601 window> with at least one request in a window longer than zero,"
                + " such as 3/PT15M", value -> {
            RateLimit limit = RateLimit.parse(value);
            return limit.requests() >= 1 && isPositive(limit.window());
        });
    }

    static Rule logLevel(String key) {
        return rule(key, "a java.util.logging level such as INFO or FINE", value -> {
            Level.parse(value.toUpperCase(Locale.ROOT));
            return true;
        });
    }

    static Rule trustedProxies(String key) {
        return rule(key, "\"none\" or a comma-separated list of IP addresses", value -> {
            if ("none".equals(value)) {
                return true;
            }
            for (String address : value.split(",")) {
                if (!LITERAL_ADDRESS.matcher(address.strip()).matches() || !isAddress(address.strip())) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static boolean isAddress(String literal) {
        try {
            // a literal only (the pattern above): never a name lookup
            InetAddress.getByName(literal);
            return true;
        } catch (UnknownHostException malformed) {
            return false;
        }
    }
}
