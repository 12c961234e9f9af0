package org.example.forgotpassword.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process of the dev stack: its output goes to a log file, it can be waited for, and stopping it also
 * stops every process it started (the Artemis script starts a JVM of its own).
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path log;
    /** Where this start's output begins in the (appended) log: readiness must not see an earlier run's lines. */
    private final long logStart;

    private ManagedProcess(String name, Process process, Path log, long logStart) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                       Path workingDirectory, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            return new ManagedProcess(name, builder.start(), log, logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Waits until {@code ready} holds; fails early, with the log's tail, if the process dies first. */
    public ManagedProcess awaitReady(BooleanSupplier ready, Duration timeout) {
        boolean isReady = Wait.until(() -> {
            if (ready.getAsBoolean()) {
                return true;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + logTail());
            }
            return false;
        }, timeout, Duration.ofMillis(200));
        if (!isReady) {
            close();
            throw new IllegalStateException(name + " not ready within " + timeout + "\n" + logTail());
        }
        return this;
    }

    /**
     * Waits until {@code condition} holds, the process exits or {@code timeout} passes, whichever comes first: for
     * starts that are expected to fail.
     * @return whether the condition holds
     */
    public boolean awaitUntil(BooleanSupplier condition, Duration timeout) {
        Wait.until(() -> condition.getAsBoolean() || !process.isAlive(), timeout, Duration.ofMillis(200));
        return condition.getAsBoolean();
    }

    /** Whether this start of the process has logged {@code text}. */
    public boolean logContains(String text) {
        try (var channel = Files.newByteChannel(log)) {
            channel.position(logStart);
            byte[] output = Channels.newInputStream(channel).readAllBytes();
            return new String(output, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the process and its descendants to stop (SIGTERM), then kills what is left after a grace period. */
    @Override
    public void close() {
        stop(GRACE);
    }

    /**
     * Asks the process and its descendants to stop (SIGTERM) and kills what is left after {@code grace}.
     * @return whether the process exited by itself within the grace period
     */
    public boolean stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        boolean exited = false;
        try {
            exited = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly();
                process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
        return exited;
    }

    /** SIGKILL, no grace: for tests of what survives a crash. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
