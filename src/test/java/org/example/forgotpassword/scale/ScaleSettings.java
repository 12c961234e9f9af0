package org.example.forgotpassword.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.example.forgotpassword.devstack.PostgresServer;
import org.example.forgotpassword.devstack.StackLayout;

/** Settings shared by the scale tests: how many requests, where their files go, how an instance is configured. */
final class ScaleSettings {

    static final String BROKER_USER = "scale-user";
    static final String BROKER_PASSWORD = "scale-password";
    static final String BASE_URL = "https://reset.example.test";

    private ScaleSettings() {
    }

    /** Accepted requests per fault test: {@code -Dscale.requests=N} (at least 200 for the figures in the README). */
    static int requests() {
        return Integer.getInteger("scale.requests", 200);
    }

    /** A fresh directory for a test's servers (a broker journal of an earlier run must not come back). */
    static Path workDir(StackLayout layout, String test) {
        Path directory = layout.stackDir().getParent().resolve("scale-it").resolve(test).toAbsolutePath();
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }

    /** An application instance's environment, as an operator would set it (profile test: tokens live 15 s). */
    static Map<String, String> instance(String artemisUrl, PostgresServer database, int smtpPort) {
        Map<String, String> env = new HashMap<>();
        env.put("MP_CONFIG_PROFILE", "test");
        env.put("APP_BASE_URL", BASE_URL);
        env.put("ARTEMIS_URL", artemisUrl);
        env.put("ARTEMIS_USER", BROKER_USER);
        env.put("ARTEMIS_PASSWORD", BROKER_PASSWORD);
        env.put("DB_URL", database.jdbcUrl());
        env.put("DB_USER", database.user());
        env.put("DB_PASSWORD", database.password());
        env.put("MAIL_SMTP_HOST", "127.0.0.1");
        env.put("MAIL_SMTP_PORT", Integer.toString(smtpPort));
        return env;
    }
}
