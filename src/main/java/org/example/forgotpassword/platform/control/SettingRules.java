package org.example.forgotpassword.platform.control;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.example.forgotpassword.platform.entity.RateLimit;

/**
 * What every setting of the service must look like, checked all at once when the application starts
 * ({@link SettingsCheck}): a wrong value stops the deployment with a message naming the key and its environment
 * variable, instead of failing every request that needs it. No rule covers a secret, so no secret is ever quoted.
 */
public final class SettingRules {

    private static final Pattern LITERAL_ADDRESS = Pattern.compile("[0-9a-fA-F.:]+");

    /** One key and what its value must be. */
    record Rule(String key, String expectation, Predicate<String> accepts) {

        Optional<String> check(Function<String, Optional<String>> lookup) {
            Optional<String> value = lookup.apply(key);
            if (value.isEmpty() || value.get().isBlank()) {
                return Optional.of(describe() + " must be set: " + expectation);
            }
            boolean valid;
            try {
                valid = accepts.test(value.get().strip());
            } catch (RuntimeException unparseable) {
                valid = false;
            }
            return valid ? Optional.empty() : Optional.of(describe() + " must be " + expectation + ", got \""
                    + value.get().strip() + "\"");
        }

        String describe() {
            return key + " (environment variable " + environmentVariable(key) + ")";
        }
    }

    static final List<Rule> RULES = List.of(
            httpUrl("app.base-url"),
            mailAddress("mail.from"),
            nonBlank("mail.smtp.host", "a host name or address"),
            wholeNumber("mail.smtp.port", 1, 65_535),
            bool("mail.smtp.starttls"),
            positiveDuration("mail.smtp.connect-timeout"),
            positiveDuration("mail.smtp.timeout"),
            wholeNumber("mail.smtp.pool-size", 0, 1_000),
            positiveDuration("mail.outbox.sweep-interval"),
            positiveDuration("mail.outbox.lease"),
            positiveDuration("reset.token-ttl"),
            wholeNumber("http.max-body-bytes", 256, 1_048_576),
            trustedProxies("http.trusted-proxies"),
            wholeNumber("password.hash.iterations", 1_024, 100_000_000),
            rateLimit("rate-limit.forgot.per-address"),
            rateLimit("rate-limit.forgot.per-client"),
            rateLimit("rate-limit.login.per-address"),
            rateLimit("rate-limit.login.per-client"),
            rateLimit("rate-limit.reset.per-client"),
            rateLimit("rate-limit.reset.per-token"),
            rateLimit("rate-limit.accounts.per-client"),
            logLevel("log.per-message-level"),
            nonBlank("artemis.management-address", "the broker's management address"),
            positiveDuration("metrics.queue-depth-timeout"));

    private SettingRules() {
    }

    /** @return one line per setting that is missing or wrong; empty when all are right */
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

    static Rule httpUrl(String key) {
        return new Rule(key, "an absolute http or https URL such as https://example.com", value -> {
            try {
                URI uri = new URI(value);
                return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                        && uri.getRawQuery() == null && uri.getRawFragment() == null;
            } catch (URISyntaxException malformed) {
                return false;
            }
        });
    }

    static Rule mailAddress(String key) {
        return new Rule(key, "a mail address such as \"Name <no-reply@example.com>\"", value -> {
            try {
                new InternetAddress(value, true);
                return true;
            } catch (AddressException malformed) {
                return false;
            }
        });
    }

    static Rule nonBlank(String key, String expectation) {
        return new Rule(key, expectation, value -> !value.isBlank());
    }

    static Rule wholeNumber(String key, long min, long max) {
        return new Rule(key, "a whole number from " + min + " to " + max, value -> {
            long number = Long.parseLong(value);
            return number >= min && number <= max;
        });
    }

    static Rule bool(String key) {
        return new Rule(key, "true or false", value -> "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value));
    }

    static Rule positiveDuration(String key) {
        return new Rule(key, "an ISO-8601 duration longer than zero, such as PT30S", value -> {
            try {
                Duration duration = Duration.parse(value);
                return !duration.isNegative() && !duration.isZero();
            } catch (DateTimeParseException malformed) {
                return false;
            }
        });
    }

    static Rule rateLimit(String key) {
        return new Rule(key, "<requests>/<ISO-8601 window> with at least one request in a window longer than zero,"
                + " such as 3/PT15M", value -> {
            RateLimit limit = RateLimit.parse(value);
            return limit.requests() >= 1 && !limit.window().isNegative() && !limit.window().isZero();
        });
    }

    static Rule logLevel(String key) {
        return new Rule(key, "a java.util.logging level such as INFO or FINE", value -> {
            Level.parse(value.toUpperCase(Locale.ROOT));
            return true;
        });
    }

    static Rule trustedProxies(String key) {
        return new Rule(key, "\"none\" or a comma-separated list of IP addresses", value -> {
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
