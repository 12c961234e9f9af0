package org.example.forgotpassword.it.load;

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

/** How the tests that start whole application instances of their own configure them, and where their files go. */
public final class InstanceSettings {

    public static final String BASE_URL = "https://reset.example.test";

    private InstanceSettings() {
    }

    /**
     * A fresh directory for a test's servers under {@code target/<group>/<test>} (a broker journal of an earlier run
     * must not come back).
     */
    public static Path workDir(StackLayout layout, String group, String test) {
        Path directory = layout.stackDir().getParent().resolve(group).resolve(test).toAbsolutePath();
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
    public static Map<String, String> environment(String artemisUrl, String brokerUser, String brokerPassword,
                                                  PostgresServer database, int smtpPort) {
        Map<String, String> env = new HashMap<>();
        env.put("MP_CONFIG_PROFILE", "test");
        env.put("APP_BASE_URL", BASE_URL);
        env.put("ARTEMIS_URL", artemisUrl);
        env.put("ARTEMIS_USER", brokerUser);
        env.put("ARTEMIS_PASSWORD", brokerPassword);
        env.put("DB_URL", database.jdbcUrl());
        env.put("DB_USER", database.user());
        env.put("DB_PASSWORD", database.password());
        env.put("MAIL_SMTP_HOST", "127.0.0.1");
        env.put("MAIL_SMTP_PORT", Integer.toString(smtpPort));
        return env;
    }
}
