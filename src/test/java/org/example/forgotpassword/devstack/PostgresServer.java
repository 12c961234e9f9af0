package org.example.forgotpassword.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's {@code postgresql} package, on a loopback port, with password
 * authentication (scram-sha-256) for one superuser. PostgreSQL refuses to run as root, so as root the cluster runs
 * as the {@code postgres} user the package creates. Its data lives in a temporary directory, removed on close.
 *
 * @param database the cluster's database, as the service is given it
 */
public record PostgresServer(Path binaries, Path dataDir, Database database) implements AutoCloseable {

    /**
     * The installation the PostgreSQL, scale and fault runs need: missing, they fail saying what to install rather
     * than leaving the suite smaller without a word.
     */
    public static Path requiredInstallation() {
        return installation().orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed: the full test"
                + " suite needs Debian's postgresql package (/usr/lib/postgresql/<version>/bin; .ci/run installs it)."
                + " The fast loop, ./mvnw verify -Dfast, runs without it."));
    }

    /** The directory holding initdb and pg_ctl of the newest installed PostgreSQL, if any. */
    public static Optional<Path> installation() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static PostgresServer start(Path binaries, int port, String user, String password) {
        try {
            Path home = Files.createTempDirectory("forgot-password-pg");
            Path dataDir = home.resolve("data");
            Path passwordFile = home.resolve("password");
            Files.writeString(passwordFile, password + "\n");
            // with a login timeout, as docs/operations.md recommends: a new connection to a database that stopped
            // answering is given up
            PostgresServer server = new PostgresServer(binaries, dataDir, new Database(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres?loginTimeout=2", user, password));
            if (isRoot()) {
                run(List.of("chown", "-R", "postgres", home.toString()));
            }
            server.asOwner(List.of(binaries.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", user,
                    "--auth=scram-sha-256", "--pwfile=" + passwordFile, "--no-sync", "-E", "UTF8", "--locale=C"));
            server.asOwner(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60",
                    "-l", home.resolve("postgres.log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home + " -c fsync=off", "start"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Freezes the whole cluster (SIGSTOP to the postmaster and every backend): open connections stay open, and
     * every statement and commit waits, as on a database host that stalls.
     */
    public void freeze() {
        signalAll("-STOP");
    }

    /** Lets a frozen cluster run again (SIGCONT). */
    public void thaw() {
        signalAll("-CONT");
    }

    private void signalAll(String signal) {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("kill", signal, Long.toString(postmaster)));
        ProcessHandle.of(postmaster).orElseThrow().descendants()
                .forEach(backend -> command.add(Long.toString(backend.pid())));
        run(command);
    }

    @Override
    public void close() {
        try {
            asOwner(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w",
                    "stop"));
        } finally {
            deleteRecursively(dataDir.getParent());
        }
    }

    private void asOwner(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it eventually
        }
    }
}
