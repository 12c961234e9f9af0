package org.example.forgotpassword.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Docker cannot run on the build machines, so this checks what can be checked: every file the Dockerfile copies
 * exists in the repository or is produced by the build, the runtime image is the Payara Micro version the
 * project builds and tests with, the server runs as a non-root user and starts through launch.sh as the run
 * command does. Runs after {@code package}, in the integration-test phase.
 */
class DockerfileIT {

    static final Path PROJECT = Path.of(System.getProperty("project.dir", ".")).toAbsolutePath();
    static final String BUILD_WORKDIR = "/build/";
    static List<String> instructions;

    @BeforeAll
    static void readDockerfile() throws IOException {
        String text = Files.readString(PROJECT.resolve("Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
        instructions = text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    @Test
    void everyFileCopiedIntoTheBuildStageIsInTheRepository() {
        List<String> sources = new ArrayList<>();
        for (String copy : copies(false)) {
            List<String> words = Arrays.asList(copy.split("\\s+"));
            sources.addAll(words.subList(1, words.size() - 1));
        }
        assertThat(sources).contains("mvnw", "pom.xml", "src/", "server-config/");
        assertThat(sources).allSatisfy(source -> assertThat(PROJECT.resolve(source)).exists());
    }

    @Test
    void everyFileCopiedFromTheBuildStageIsProducedByTheBuild() {
        List<String> copies = copies(true);
        assertThat(copies).hasSizeGreaterThanOrEqualTo(4);
        assertThat(copies).anyMatch(copy -> copy.contains("/build/target/stack/lib/ /opt/payara/app/lib/"));
        assertThat(PROJECT.resolve("target/stack/lib/postgresql.jar")).as("the PostgreSQL driver").exists();
        for (String copy : copies) {
            List<String> words = Arrays.stream(copy.split("\\s+")).filter(w -> !w.startsWith("--")).toList();
            for (String source : words.subList(1, words.size() - 1)) {
                assertThat(source).startsWith(BUILD_WORKDIR);
                assertThat(PROJECT.resolve(source.substring(BUILD_WORKDIR.length()))).as(copy).exists();
            }
        }
    }

    @Test
    void runtimeImageIsThePayaraMicroVersionTheProjectTestsWith() {
        Matcher version = Pattern.compile("ARG PAYARA_VERSION=(\\S+)").matcher(String.join("\n", instructions));
        assertThat(version.find()).isTrue();
        assertThat(version.group(1)).isEqualTo(System.getProperty("payara.version"));
        assertThat(instructions).anyMatch(line -> line.startsWith("FROM payara/micro:${PAYARA_VERSION}-jdk17"));
    }

    @Test
    void serverRunsAsNonRootThroughTheLaunchScriptOfTheRunCommand() {
        assertThat(instructions).anyMatch(line -> line.equals("USER payara"));
        String entrypoint = instructions.stream().filter(line -> line.startsWith("ENTRYPOINT"))
                .findFirst().orElseThrow();
        assertThat(entrypoint).as("the image's shell: BusyBox sh, no bash (LaunchScriptIT runs the script with it)")
                .startsWith("ENTRYPOINT [\"sh\", ");
        assertThat(entrypoint).contains("/opt/payara/server-config/payara/launch.sh", "/opt/payara/payara-micro.jar",
                "/opt/payara/app/artemis-ra.rar", "/opt/payara/app/forgot-password.war");
        assertThat(instructions)
                .anyMatch(line -> line.contains("/build/server-config/payara/ /opt/payara/server-config/payara/"));
        assertThat(PROJECT.resolve("server-config/payara/launch.sh")).isExecutable();
    }

    @Test
    void theImageReportsItsHealthFromTheReadinessCheck() {
        assertThat(instructions).anyMatch(line -> line.startsWith("HEALTHCHECK ") && line.contains("/health/ready"));
    }

    private static List<String> copies(boolean fromBuildStage) {
        return instructions.stream().filter(line -> line.startsWith("COPY "))
                .filter(line -> line.contains("--from=build") == fromBuildStage).toList();
    }
}
