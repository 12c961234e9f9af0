package org.example.forgotpassword.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.example.forgotpassword.it.ShippedWarFixture;
import org.example.forgotpassword.platform.boundary.ApiDescription.Documented;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi} from the running server (Payara Micro, MicroProfile OpenAPI) is the curated
 * META-INF/openapi.yaml: its title, its operations and their error codes, and nothing generated from the classes
 * ("Deployed Resources", schemas named after them). The WildFly run of the integration tests leaves this package
 * out; run there anyway (-Dit.test=OpenApiIT) it checks that the path is harmless: WildFly's standalone-full has no
 * MicroProfile OpenAPI, so the application answers it with its JSON 404 (1404).
 */
class OpenApiIT extends ShippedWarFixture {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Payara adds one field of its own to the document it serves, {@code endpoints} (the document's paths under
     * the context root), which is not OpenAPI; the parser's word on that field alone is not held against it.
     */
    static final String PAYARAS_OWN_FIELD = "attribute endpoints is unexpected";

    private static final boolean ON_WILDFLY = Boolean.getBoolean("it.wildfly");

    private HttpResponse<String> get(String pathAndQuery, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(pathAndQuery))
                .header("Accept", accept).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> reply = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        keep(pathAndQuery, accept, reply);
        return reply;
    }

    /** What the server served, under target/openapi-it/payara (or wildfly), to look at when this test fails. */
    private static void keep(String pathAndQuery, String accept, HttpResponse<String> reply) throws IOException {
        Path dir = Path.of(System.getProperty("stack.dir", "target/stack")).resolveSibling("openapi-it")
                .resolve(ON_WILDFLY ? "wildfly" : "payara");
        Files.createDirectories(dir);
        String name = (pathAndQuery + "-" + accept).replaceAll("[^A-Za-z0-9]+", "_") + ".txt";
        Files.writeString(dir.resolve(name), reply.statusCode() + " " + reply.headers().map() + "\n\n" + reply.body());
    }

    /** On WildFly (no MicroProfile OpenAPI) the path is the application's: a JSON 404 without a stack trace. */
    private static void assertHarmlessOnWildFly(HttpResponse<String> reply) {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(404);
        assertThat(reply.body()).contains("\"code\":1404").doesNotContain("Exception", "\tat ");
    }

    /** The error codes of every operation, by response: the part of the contract front ends switch on. */
    private static Map<String, Map<String, TreeSet<Integer>>> codesOf(ApiDescription description) {
        Map<String, Map<String, TreeSet<Integer>>> codes = new TreeMap<>();
        description.operations()
                .forEach((key, operation) -> codes.put(key, new TreeMap<>(operation.codesByResponse())));
        return codes;
    }

    private static void assertIsTheCuratedDocument(String served) {
        ApiDescription shipped = ApiDescription.parse(ApiDescription.shippedText());
        ApiDescription description = ApiDescription.parse(served);

        assertThat(description.messages()).as("parser messages on the served document")
                .filteredOn(message -> !message.equals(PAYARAS_OWN_FIELD))
                .isEmpty();
        assertThat(description.model().getInfo().getTitle()).isEqualTo("Forgot password service");
        assertThat(served).doesNotContain("Deployed Resources", "org.example", "RequestFields");
        assertThat(description.operations().keySet()).as("operations served")
                .containsExactlyInAnyOrderElementsOf(shipped.operations().keySet());
        assertThat(description.model().getComponents().getSchemas().keySet()).as("schemas served")
                .containsExactlyInAnyOrderElementsOf(shipped.model().getComponents().getSchemas().keySet());
        assertThat(codesOf(description)).isEqualTo(codesOf(shipped));
        assertThat(description.operations().values()).filteredOn(Documented::servedByTheServer)
                .extracting(Documented::key)
                .containsExactlyInAnyOrderElementsOf(shipped.operations().values().stream()
                        .filter(Documented::servedByTheServer).map(Documented::key).toList());

        Documented forgot = description.operations().get("POST /password/forgot/");
        assertThat(forgot.codesByResponse()).containsEntry("503", new TreeSet<>(Set.of(1503)));
        assertThat(forgot.responses().get("503").getHeaders()).containsKey("Retry-After");
        assertThat(forgot.operation().getRequestBody().getContent())
                .containsOnlyKeys("application/x-www-form-urlencoded", "application/json");
    }

    /**
     * Asks for the document and checks that it is the curated one: the reply, to check its format. On WildFly
     * checks that the path is harmless instead: no reply to check further.
     */
    private Optional<HttpResponse<String>> curatedDocument(String pathAndQuery, String accept) throws Exception {
        HttpResponse<String> reply = get(pathAndQuery, accept);
        if (ON_WILDFLY) {
            assertHarmlessOnWildFly(reply);
            return Optional.empty();
        }
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertIsTheCuratedDocument(reply.body());
        return Optional.of(reply);
    }

    @Test
    void yamlAtOpenapiIsTheCuratedDocument() throws Exception {
        // Payara serves YAML as text/plain (and answers 406 to Accept: application/yaml)
        curatedDocument("/openapi", "text/plain")
                .ifPresent(reply -> assertThat(reply.body()).startsWith("openapi: "));
    }

    @Test
    void jsonFormatIsTheSameCuratedDocument() throws Exception {
        curatedDocument("/openapi?format=JSON", "*/*").ifPresent(reply -> {
            assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            assertThat(reply.body().strip()).startsWith("{");
        });
    }

    @Test
    void acceptingJsonGivesJsonToo() throws Exception {
        curatedDocument("/openapi", "application/json");
    }
}
