package org.example.forgotpassword.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the build put the runtime pieces ({@code target/stack}: Payara Micro, the RAR, the WAR, GreenMail and the
 * Artemis distribution) and where the server configuration lives. The Maven build passes both as system
 * properties; the defaults fit a run from the project directory.
 */
public record StackLayout(Path stackDir, Path serverConfigDir) {

    public static StackLayout fromSystemProperties() {
        Path stack = Path.of(System.getProperty("stack.dir", "target/stack")).toAbsolutePath();
        Path config = Path.of(System.getProperty("server-config.dir", "server-config")).toAbsolutePath();
        StackLayout layout = new StackLayout(stack, config);
        for (Path required : new Path[] {layout.payaraMicroJar(), layout.resourceAdapter(), layout.war(),
                layout.greenMailJar(), layout.artemisHome(), layout.payaraLauncher()}) {
            if (!Files.exists(required)) {
                throw new IllegalStateException(required + " is missing: build first (./mvnw package)");
            }
        }
        return layout;
    }

    public Path payaraMicroJar() {
        return stackDir.resolve("payara-micro.jar");
    }

    public Path resourceAdapter() {
        return stackDir.resolve("artemis-ra.rar");
    }

    public Path war() {
        return stackDir.resolve("forgot-password.war");
    }

    public Path greenMailJar() {
        return stackDir.resolve("greenmail-standalone.jar");
    }

    public Path artemisHome() {
        return unpacked("apache-artemis-").orElse(stackDir.resolve("apache-artemis"));
    }

    public Path payaraLauncher() {
        return serverConfigDir.resolve("payara/launch.sh");
    }

    /** The unpacked WildFly distribution ({@code wildfly-<version>}). */
    public Path wildFlyHome() {
        return unpacked("wildfly-")
                .orElseThrow(() -> new IllegalStateException("No WildFly in " + stackDir + ": build first"));
    }

    public Path wildFlyLauncher() {
        return serverConfigDir.resolve("wildfly/launch.sh");
    }

    public Path brokerProperties() {
        return serverConfigDir.resolve("artemis/broker.properties");
    }

    /** The build's output directory ({@code target}), under which each kind of run keeps its servers' files. */
    public Path buildDir() {
        return stackDir.getParent();
    }

    public Path runDir() {
        return buildDir().resolve("run");
    }

    /** A distribution the build unpacked under its versioned name ({@code <prefix><version>}); none before a build. */
    private Optional<Path> unpacked(String prefix) {
        try (var entries = Files.list(stackDir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
