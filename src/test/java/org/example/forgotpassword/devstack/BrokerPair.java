package org.example.forgotpassword.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The primary/backup pair of {@code server-config/artemis-ha} (a shared store), made by its create-pair.sh as an
 * operator would, on free loopback ports. The application is given both addresses ({@link #url()}).
 */
public record BrokerPair(ArtemisBroker primary, ArtemisBroker backup) {

    public static BrokerPair create(StackLayout layout, Path directory, String user, String password) {
        int primaryPort = Ports.free();
        int backupPort = Ports.free();
        Path log = directory.resolveSibling(directory.getFileName() + "-create.log");
        ProcessBuilder create = new ProcessBuilder("bash",
                layout.serverConfigDir().resolve("artemis-ha/create-pair.sh").toString(), directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = create.environment();
        env.put("ARTEMIS_HOME", layout.artemisHome().toString());
        env.put("ARTEMIS_USER", user);
        env.put("ARTEMIS_PASSWORD", password);
        env.put("ARTEMIS_CLUSTER_USER", user + "-cluster");
        env.put("ARTEMIS_CLUSTER_PASSWORD", password + "-cluster");
        env.put("BROKER_HOST", Ports.LOOPBACK);
        env.put("PRIMARY_PORT", Integer.toString(primaryPort));
        env.put("BACKUP_PORT", Integer.toString(backupPort));
        env.put("PRIMARY_CONSOLE_PORT", Integer.toString(Ports.free()));
        env.put("BACKUP_CONSOLE_PORT", Integer.toString(Ports.free()));
        try {
            Files.createDirectories(directory);
            Process process = create.start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("create-pair.sh failed, see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new BrokerPair(
                ArtemisBroker.ofInstance(directory.resolve("primary"), primaryPort, 0, user, password),
                ArtemisBroker.ofInstance(directory.resolve("backup"), backupPort, 0, user, password));
    }

    /** {@code ARTEMIS_URL} for the pair: both addresses, the primary first. */
    public String url() {
        return primary.url() + "," + backup.url();
    }
}
