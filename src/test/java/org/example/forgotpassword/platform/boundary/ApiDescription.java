package org.example.forgotpassword.platform.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * An OpenAPI document read by a real parser (swagger-parser), with the questions the tests ask of it: which
 * operations it has, and which error codes each response shows in its examples.
 */
final class ApiDescription {

    /** The curated document the server serves at {@code /openapi}. */
    static final String RESOURCE = "META-INF/openapi.yaml";

    /**
     * The tag of the operations that the server serves (MicroProfile Health, OpenAPI), not a resource of the
     * application. A tag, not an {@code x-} extension: Payara leaves the extensions of paths and operations out
     * of the document it serves.
     */
    static final String SERVER_TAG = "server";

    private final SwaggerParseResult result;

    private ApiDescription(SwaggerParseResult result) {
        this.result = result;
    }

    /** The document with every {@code $ref} resolved in place, so each operation can be read on its own. */
    static ApiDescription parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new ApiDescription(new OpenAPIV3Parser().readContents(text, null, options));
    }

    static String shippedText() {
        try (InputStream in = ApiDescription.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parser's validation messages: empty for a valid document. */
    List<String> messages() {
        return result.getMessages() == null ? List.of() : result.getMessages();
    }

    OpenAPI model() {
        return result.getOpenAPI();
    }

    /** Every operation, by {@code "METHOD /path"} as the document spells the path. */
    Map<String, Documented> operations() {
        Map<String, Documented> operations = new LinkedHashMap<>();
        model().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.put(method.name() + " " + path, new Documented(method.name(), path, item, operation))));
        return operations;
    }

    /** One operation of the document. */
    record Documented(String method, String path, PathItem item, Operation operation) {

        boolean servedByTheServer() {
            return operation.getTags() != null && operation.getTags().contains(SERVER_TAG);
        }

        /** {@code "METHOD /path"} without a trailing slash: every path of the contract works with and without one. */
        String key() {
            return method + " " + Paths.normalized(path);
        }

        Map<String, ApiResponse> responses() {
            return operation.getResponses() == null ? Map.of() : operation.getResponses();
        }

        /** The error codes that the examples of each response show, by response key ("400", "default", ...). */
        Map<String, TreeSet<Integer>> codesByResponse() {
            Map<String, TreeSet<Integer>> codes = new LinkedHashMap<>();
            responses().forEach((status, response) -> {
                TreeSet<Integer> shown = examples(response).map(body -> body.path("code"))
                        .filter(JsonNode::isInt).map(JsonNode::asInt).filter(code -> code != 0)
                        .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
                if (!shown.isEmpty()) {
                    codes.put(status, shown);
                }
            });
            return codes;
        }

        /** Every example body of a response, whether given as {@code example} or as named {@code examples}. */
        static Stream<JsonNode> examples(ApiResponse response) {
            if (response.getContent() == null) {
                return Stream.empty();
            }
            return response.getContent().values().stream().flatMap(Documented::examples);
        }

        private static Stream<JsonNode> examples(MediaType media) {
            Stream<Object> single = Optional.ofNullable(media.getExample()).stream();
            Stream<Object> named = media.getExamples() == null ? Stream.empty()
                    : media.getExamples().values().stream().map(Example::getValue);
            return Stream.concat(single, named).map(value -> Json.mapper().convertValue(value, JsonNode.class));
        }
    }

    /** Paths compared as the server matches them. */
    static final class Paths {

        private Paths() {
        }

        static String normalized(String path) {
            String joined = ("/" + path).replaceAll("/+", "/");
            return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
        }
    }
}
