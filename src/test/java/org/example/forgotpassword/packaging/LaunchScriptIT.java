package org.example.forgotpassword.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image runs {@code server-config/payara/launch.sh} with BusyBox's {@code sh} (Alpine has no bash),
 * so this runs it with {@code busybox sh} (Debian's busybox, installed by .ci/run) and a stand-in {@code java} that
 * prints what it was started with: how the environment is mapped onto Payara Micro, and which values are refused
 * before anything starts.
 */
class LaunchScriptIT {

    static final Path PROJECT = Path.of(System.getProperty("project.dir", ".")).toAbsolutePath();
    static final Path SCRIPT = PROJECT.resolve("server-config/payara/launch.sh");

    @TempDir
    static Path work;

    record Run(int exitCode, String output) {

        String value(String name) {
            return output.lines().filter(line -> line.startsWith(name + "=")).findFirst()
                    .map(line -> line.substring(name.length() + 1)).orElse(null);
        }
    }

    @BeforeAll
    static void standInJava() throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                for name in ARTEMIS_CONNECTOR_CLASSES ARTEMIS_CONNECTION_PARAMETERS ARTEMIS_HA \\
                    ARTEMIS_POOL_RECONNECT_ATTEMPTS ARTEMIS_POOL_CALL_TIMEOUT DB_URL DB_DATASOURCE_CLASS \\
                    HTTP_BIND_ADDRESS APPLICATION_ARCHIVE; do
                  eval "echo $name=\\${$name:-}"
                done
                echo "ARGS=$*"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(work.resolve("app/lib"));
        Files.writeString(work.resolve("app/lib/postgresql.jar"), "");
    }

    @Test
    void oneBrokerIsOneConnectorWithoutFailOverAndPooledConnectionsThatAreReplacedNotReconnected() throws Exception {
        Run run = launch(Map.of("ARTEMIS_URL", "tcp://broker.example:61617"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.value("ARTEMIS_CONNECTION_PARAMETERS")).isEqualTo("host=broker.example;port=61617");
        assertThat(run.value("ARTEMIS_HA")).isEqualTo("false");
        assertThat(run.value("ARTEMIS_POOL_RECONNECT_ATTEMPTS")).isEqualTo("0");
        assertThat(run.value("ARTEMIS_POOL_CALL_TIMEOUT")).isEqualTo("2000");
    }

    @Test
    void aPrimaryBackupPairIsTwoConnectorsWithFailOverInEitherSpelling() throws Exception {
        for (String url : List.of("tcp://a:1,tcp://b:2", "(tcp://a:1,tcp://b:2)?ha=true")) {
            Run run = launch(Map.of("ARTEMIS_URL", url));

            assertThat(run.exitCode()).as(url).isZero();
            assertThat(run.value("ARTEMIS_CONNECTION_PARAMETERS")).as(url).isEqualTo("host=a;port=1,host=b;port=2");
            assertThat(run.value("ARTEMIS_CONNECTOR_CLASSES").split(",")).as(url).hasSize(2);
            assertThat(run.value("ARTEMIS_HA")).as(url).isEqualTo("true");
            assertThat(run.value("ARTEMIS_POOL_RECONNECT_ATTEMPTS")).as(url).isEqualTo("-1");
        }
    }

    @Test
    void withoutDbUrlTheEmbeddedDatabaseLivesInTheDataDirectory() throws Exception {
        Run run = launch(Map.of());

        assertThat(run.exitCode()).isZero();
        assertThat(run.value("DB_URL")).startsWith("jdbc:h2:file:" + work.resolve("data").toRealPath());
        assertThat(run.value("DB_DATASOURCE_CLASS")).isEqualTo("org.h2.jdbcx.JdbcDataSource");
    }

    @Test
    void payaraMicroGetsTheCommandFilesTheDriversTheWarAndNoDataGrid() throws Exception {
        Run run = launch(Map.of("HTTP_PORT", "18080", "DB_URL", "jdbc:postgresql://db/forgot", "DB_USER", "u",
                "DB_PASSWORD", "p"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.value("DB_DATASOURCE_CLASS")).isEqualTo("org.postgresql.ds.PGSimpleDataSource");
        assertThat(run.value("ARGS")).contains("--nohazelcast", "--port 18080",
                "--prebootcommandfile " + SCRIPT.getParent().resolve("pre-boot-commands.asadmin"),
                "--postbootcommandfile " + SCRIPT.getParent().resolve("post-boot-commands.asadmin"),
                "--postdeploycommandfile " + SCRIPT.getParent().resolve("post-deploy-commands.asadmin"),
                "--addlibs " + work.resolve("app/lib/postgresql.jar"))
                .doesNotContain("--nocluster", "--deploy");
        assertThat(run.value("APPLICATION_ARCHIVE")).as("deployed by post-boot-commands.asadmin")
                .isEqualTo(work.resolve("app/app.war").toString());
    }

    @Test
    void aWarWhosePathTheCommandFilesWouldSplitIsRefused() throws Exception {
        Run run = launch(Map.of(), work.resolve("my app/app.war"));

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.output()).contains("must not contain a space").doesNotContain("ARGS=");
    }

    @Test
    void valuesTheServerCouldNotTakeAreRefusedBeforeAnythingStarts() throws Exception {
        List<Map<String, String>> refused = List.of(
                Map.of("ARTEMIS_URL", "http://broker:61616"),
                Map.of("ARTEMIS_URL", "tcp://broker"),
                Map.of("ARTEMIS_USER", "a:b"),
                Map.of("DB_URL", "jdbc:mysql://db/forgot", "DB_USER", "u", "DB_PASSWORD", "p"),
                Map.of("DB_URL", "jdbc:postgresql://db/forgot", "DB_USER", "u", "DB_PASSWORD", "with space"));
        for (Map<String, String> environment : refused) {
            Run run = launch(environment);

            assertThat(run.exitCode()).as(environment.toString()).isEqualTo(64);
            assertThat(run.output()).as(environment.toString()).doesNotContain("ARGS=");
        }
    }

    private static Run launch(Map<String, String> settings) throws IOException, InterruptedException {
        return launch(settings, work.resolve("app/app.war"));
    }

    private static Run launch(Map<String, String> settings, Path war) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", work.resolve("bin") + ":" + System.getenv("PATH"));
        environment.put("ARTEMIS_USER", "user");
        environment.put("ARTEMIS_PASSWORD", "password");
        environment.put("DATA_DIR", work.resolve("data").toString());
        environment.putAll(settings);
        List<String> command = new ArrayList<>(List.of(busybox(), "sh", SCRIPT.toString(),
                "payara-micro.jar", "artemis-ra.rar", war.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    static String busybox() {
        Path busybox = Path.of("/usr/bin/busybox");
        assertThat(busybox).as("Debian's busybox (apt-get install busybox; .ci/run installs it)").isExecutable();
        return busybox.toString();
    }
}
