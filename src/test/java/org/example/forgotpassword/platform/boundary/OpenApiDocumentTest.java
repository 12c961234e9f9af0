package org.example.forgotpassword.platform.boundary;

import static java.util.stream.Collectors.toCollection;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.example.forgotpassword.platform.boundary.ApiDescription.Documented;
import org.example.forgotpassword.platform.boundary.ResourceMethods.ResourceMethod;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * META-INF/openapi.yaml, the API description served at {@code /openapi}, read by a real OpenAPI parser and held
 * against the code so that it cannot drift from it: the resource methods found by reflection, {@link ErrorCode}
 * (read at run time), the media types the methods declare and the fields they read.
 */
class OpenApiDocumentTest {

    /**
     * Codes that belong to no operation of the contract: 1404 and 1405 answer requests that match no documented
     * operation (an unknown path, a method a path does not have); 1406 (an {@code Accept} that excludes the reply's
     * media type) and 1500 (an unexpected failure) can come from any request. The document names them once, in
     * its description and in the {@code default} response; the contract's stable table does not list them.
     */
    static final Set<Integer> GENERIC_CODES = Set.of(1404, 1405, 1406, 1500);

    /**
     * What each POST of the contract can refuse a request with, by code; checked against ErrorCode at run time.
     * 1003/1004 come from {@link RequestBodyLimit} for every body, 1005 from the origin check for every POST, 1002
     * from {@link RequestFieldsReader} and missing fields, 1429 from {@link RequestLimits}; the rest from the
     * resources and what they call. A new ErrorCode must be placed here (or in {@link #GENERIC_CODES}), and a new
     * POST resource method must get its row, before this test passes.
     */
    static final Map<String, Set<Integer>> ERRORS_BY_OPERATION = Map.of(
            "POST /password/forgot", Set.of(1001, 1002, 1003, 1004, 1005, 1429, 1503),
            "POST /password/reset", Set.of(1002, 1003, 1004, 1005, 1101, 1102, 1429),
            "POST /accounts", Set.of(1001, 1002, 1003, 1004, 1005, 1102, 1201, 1429),
            "POST /login", Set.of(1001, 1002, 1003, 1004, 1005, 1301, 1429));

    /** The codes whose reply carries {@code Retry-After}. */
    static final Set<Integer> RETRY_LATER_CODES = Set.of(1429, 1503);

    static ApiDescription document;
    static Map<String, Documented> documented;
    static List<ResourceMethod> resourceMethods;

    @BeforeAll
    static void read() {
        document = ApiDescription.parse(ApiDescription.shippedText());
        documented = document.operations().values().stream()
                .collect(toMap(Documented::key, Function.identity(), (a, b) -> {
                    throw new AssertionError("documented twice: " + a.path() + " and " + b.path());
                }, TreeMap::new));
        resourceMethods = ResourceMethods.all();
    }

    /** The ErrorCode with this number, looked up at run time so that codes still to come fail here, by name. */
    static Optional<ErrorCode> errorCode(int code) {
        return Arrays.stream(ErrorCode.values()).filter(candidate -> candidate.code() == code).findFirst();
    }

    @Test
    void documentIsValidOpenApi3() {
        assertThat(document.messages()).as("parser messages").isEmpty();
        assertThat(document.model().getOpenapi()).startsWith("3.0.");
        assertThat(document.model().getInfo().getTitle()).isEqualTo("Forgot password service");
    }

    /** The parser leaves a {@code $ref} to a missing example or header unreported; every local one must resolve. */
    @Test
    void everyReferenceResolves() throws IOException {
        JsonNode tree = Yaml.mapper().readTree(ApiDescription.shippedText());
        List<String> references = tree.findValuesAsText("$ref");
        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            assertThat(reference).as("a reference within the document").startsWith("#/");
            assertThat(tree.at(reference.substring(1)).isMissingNode()).as(reference + " is missing").isFalse();
        });
    }

    @Test
    void theScanFindsTheApplicationsResources() {
        assertThat(resourceMethods).extracting(ResourceMethod::key)
                .contains("POST /password/forgot", "GET /password/reset", "POST /login", "GET /ops/metrics");
    }

    @Test
    void everyResourceMethodIsDocumented() {
        assertThat(resourceMethods)
                .as("resource methods in src/main/java missing from " + ApiDescription.RESOURCE)
                .filteredOn(method -> !documented.containsKey(method.key()))
                .isEmpty();
    }

    @Test
    void everyDocumentedApplicationPathIsAResourceMethod() {
        Set<String> implemented = resourceMethods.stream().map(ResourceMethod::key).collect(Collectors.toSet());
        assertThat(documented.values())
                .as("documented operations that no resource method in src/main/java serves")
                .filteredOn(operation -> !operation.servedByTheServer())
                .extracting(Documented::key)
                .filteredOn(key -> !implemented.contains(key))
                .isEmpty();
    }

    @Test
    void onlyTheServersOwnOperationsAreTaggedServer() {
        assertThat(documented.values()).filteredOn(Documented::servedByTheServer).extracting(Documented::key)
                .containsExactlyInAnyOrder("GET /health/ready", "GET /health/live", "GET /openapi");
    }

    @Test
    void everyPostOfTheApplicationHasItsRowOfErrors() {
        assertThat(resourceMethods).filteredOn(method -> method.httpMethod().equals("POST"))
                .extracting(ResourceMethod::key)
                .containsExactlyInAnyOrderElementsOf(ERRORS_BY_OPERATION.keySet());
    }

    @Test
    void everyErrorCodeIsEitherInTheContractOrGeneric() {
        Set<Integer> placed = ERRORS_BY_OPERATION.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(ErrorCode.values())
                .as("error codes that no operation answers and that are not generic")
                .filteredOn(code -> !placed.contains(code.code()) && !GENERIC_CODES.contains(code.code()))
                .isEmpty();
    }

    @Test
    void everyCodeOfTheTablesExistsInErrorCode() {
        Set<Integer> named = new TreeSet<>(GENERIC_CODES);
        ERRORS_BY_OPERATION.values().forEach(named::addAll);
        assertThat(named).as("codes with no ErrorCode constant (yet)")
                .filteredOn(code -> errorCode(code).isEmpty())
                .isEmpty();
    }

    @Test
    void eachPostDocumentsExactlyTheErrorsItCanAnswerUnderTheirHttpStatus() {
        ERRORS_BY_OPERATION.forEach((operation, codes) -> {
            assertThat(documented).as("documented operations").containsKey(operation);
            Map<String, TreeSet<Integer>> expected = new TreeMap<>();
            codes.forEach(code -> expected.computeIfAbsent(
                    errorCode(code).map(ErrorCode::httpStatus).map(String::valueOf).orElse("no ErrorCode " + code),
                    status -> new TreeSet<>()).add(code));
            Map<String, TreeSet<Integer>> shown = new TreeMap<>(documented.get(operation).codesByResponse());
            shown.remove("default");
            assertThat(shown).as("error codes by HTTP status of " + operation).isEqualTo(expected);
        });
    }

    @Test
    void everyDocumentedCodeExistsAndStandsUnderItsHttpStatus() {
        documented.values().forEach(operation -> operation.codesByResponse().forEach((status, codes) -> codes
                .forEach(code -> {
                    String where = operation.key() + " response " + status + " code " + code;
                    assertThat(errorCode(code)).as(where + " in ErrorCode").isPresent();
                    if (status.equals("default")) {
                        assertThat(GENERIC_CODES).as(where + ": only generic codes in default").contains(code);
                    } else {
                        assertThat(errorCode(code).get().httpStatus()).as(where).hasToString(status);
                    }
                })));
    }

    @Test
    void errorExamplesHaveAMessageAndTheErrorReplyShape() {
        documented.values().forEach(operation -> operation.responses().forEach((status, response) -> {
            if (status.startsWith("2") || operation.servedByTheServer() || response.getContent() == null) {
                return;
            }
            assertThat(response.getContent()).as(operation.key() + " " + status).containsOnlyKeys("application/json");
            Schema<?> schema = response.getContent().get("application/json").getSchema();
            assertThat(schema.getProperties()).as(operation.key() + " " + status).containsOnlyKeys("code", "message");
            assertThat(Documented.examples(response)).as(operation.key() + " " + status + " examples")
                    .isNotEmpty()
                    .allSatisfy(body -> {
                        assertThat(body.path("code").isInt()).as("numeric code in " + body).isTrue();
                        assertThat(body.path("message").asText()).as("message in " + body).isNotBlank();
                    });
        }));
    }

    @Test
    void retryAfterIsDocumentedWhereverTheClientIsAskedToRetryLater() {
        Set<Integer> seen = new TreeSet<>();
        documented.values().forEach(operation -> operation.codesByResponse().forEach((status, codes) -> {
            ApiResponse response = operation.responses().get(status);
            boolean retryLater = codes.stream().anyMatch(RETRY_LATER_CODES::contains);
            Header retryAfter = response.getHeaders() == null ? null : response.getHeaders().get("Retry-After");
            if (retryLater) {
                seen.addAll(codes);
                assertThat(retryAfter).as("Retry-After on " + operation.key() + " " + status).isNotNull();
                assertThat(retryAfter.getRequired()).as("Retry-After required").isTrue();
                assertThat(retryAfter.getSchema().getType()).isEqualTo("integer");
            } else {
                assertThat(retryAfter).as("no Retry-After on " + operation.key() + " " + status).isNull();
            }
        }));
        assertThat(seen).containsAll(RETRY_LATER_CODES);
        assertThat(ErrorCode.values()).filteredOn(ErrorCode::asksClientToRetryLater).extracting(ErrorCode::code)
                .containsExactlyInAnyOrderElementsOf(RETRY_LATER_CODES);
    }

    @Test
    void everyPostTakesTheMediaTypesItsMethodConsumesWithTheFieldsItReads() throws IOException {
        for (ResourceMethod method : resourceMethods) {
            if (method.consumes().isEmpty()) {
                continue;
            }
            Documented operation = documented.get(method.key());
            assertThat(operation).as(method.toString()).isNotNull();
            var content = operation.operation().getRequestBody().getContent();
            assertThat(content.keySet()).as("request media types of " + method)
                    .containsExactlyInAnyOrderElementsOf(method.consumes());
            Set<String> fieldsRead = fieldsReadBy(method);
            content.forEach((mediaType, media) -> assertThat(media.getSchema().getProperties().keySet())
                    .as("fields of " + method + " as " + mediaType)
                    .containsExactlyInAnyOrderElementsOf(fieldsRead));
        }
    }

    @Test
    void successRepliesHaveTheMediaTypesTheMethodsProduceAndCodeZero() {
        for (ResourceMethod method : resourceMethods) {
            Documented operation = documented.get(method.key());
            assertThat(operation).as(method.toString()).isNotNull();
            Map<String, ApiResponse> successes = operation.responses().entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith("2"))
                    .collect(toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(successes).as("success replies of " + method).hasSize(1);
            ApiResponse success = successes.values().iterator().next();
            if (!method.produces().isEmpty()) {
                assertThat(success.getContent().keySet()).as("reply media types of " + method)
                        .containsExactlyInAnyOrderElementsOf(method.produces());
            }
            if (method.produces().contains("application/json")) {
                assertThat(Documented.examples(success)).as("success example of " + method).isNotEmpty()
                        .allSatisfy(body -> assertThat(body.path("code").asInt(-1)).isZero());
            }
        }
    }

    @Test
    void everyPostDocumentsTheOriginHeaderAndEveryJsonReplyTheLanguage() {
        for (ResourceMethod method : resourceMethods) {
            Documented operation = documented.get(method.key());
            assertThat(operation).as(method.toString()).isNotNull();
            Set<String> headers = operation.operation().getParameters() == null ? Set.of()
                    : operation.operation().getParameters().stream().filter(p -> "header".equals(p.getIn()))
                            .map(p -> p.getName()).collect(toCollection(TreeSet::new));
            if (method.httpMethod().equals("POST")) {
                assertThat(headers).as("header parameters of " + method).contains("Origin");
            }
            if (method.produces().contains("application/json") || method.produces().contains("text/html")) {
                assertThat(headers).as("header parameters of " + method).contains("Accept-Language");
            }
        }
    }

    private static final Pattern FIELD_READ = Pattern.compile("fields\\.(?:get|required)\\(\"([^\"]+)\"\\)");

    /** The request fields the method's source reads ({@code fields.get("email")}, {@code fields.required(...)}). */
    static Set<String> fieldsReadBy(ResourceMethod method) throws IOException {
        Class<?> type = method.method().getDeclaringClass();
        Path source = ResourceMethods.classesDirectory().getParent().getParent()
                .resolve("src/main/java").resolve(type.getName().replace('.', '/') + ".java");
        String body = methodBody(Files.readString(source), method.method().getName());
        Set<String> fields = new TreeSet<>();
        Matcher matcher = FIELD_READ.matcher(body);
        while (matcher.find()) {
            fields.add(matcher.group(1));
        }
        assertThat(fields).as("fields read by " + method + " in " + source).isNotEmpty();
        return fields;
    }

    /** The text between the braces of the named method's body. */
    static String methodBody(String source, String name) {
        Matcher declaration = Pattern.compile("\\s" + Pattern.quote(name) + "\\s*\\([^)]*\\)[^{;]*\\{").matcher(source);
        assertThat(declaration.find()).as("declaration of " + name).isTrue();
        int depth = 1;
        int at = declaration.end();
        while (depth > 0 && at < source.length()) {
            char c = source.charAt(at++);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        return source.substring(declaration.end(), at);
    }
}
