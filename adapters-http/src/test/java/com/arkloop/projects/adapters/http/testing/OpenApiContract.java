package com.arkloop.projects.adapters.http.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks recorded HTTP exchanges against the server's OpenAPI document ({@code openapi.json} on the class
 * path), with Atlassian's swagger-request-validator, so the document cannot drift from what the server
 * does. {@link #assertConforms} throws an {@link AssertionError} listing every violation.
 *
 * <p>The rules, beyond "the response matches its documented status, headers and body":
 * <ul>
 *   <li>A successful (2xx) response to a request the document calls invalid (unknown field, missing
 *       Authorization, bad enum...) is a violation: the server is more lenient than documented. For error
 *       responses, request problems are expected (the test sent a bad request on purpose) and ignored.</li>
 *   <li>A request to a path the document does not list must get 404 {@code http.not_found}; a listed path
 *       with an unlisted method must get 405 {@code http.method_not_allowed} with an {@code Allow} header.
 *       Both with the error envelope and {@code X-Trace-Id}.</li>
 *   <li>{@code HEAD} is checked as the {@code GET} it stands for, and must have no body.</li>
 *   <li>An error body's {@code trace_id} equals the {@code X-Trace-Id} header.</li>
 * </ul>
 *
 * <pre>{@code
 * ApiResponse response = client.post("/v1/projects", token, json);
 * CONTRACT.assertConforms(
 *         OpenApiContract.request("POST", "/v1/projects").header("Authorization", "Bearer " + token)
 *                 .header("Content-Type", "application/json").body(json),
 *         OpenApiContract.response(response.status(), response.headers().map(), response.body()));
 * }</pre>
 */
public final class OpenApiContract {

    private static final String DOCUMENT = "openapi.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> OFF_DOCUMENT_KEYS =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private final OpenApiInteractionValidator validator;

    private OpenApiContract(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    /** The server's own document, from the class path. */
    public static OpenApiContract load() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path");
            }
            return new OpenApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A contract from a document given as text (for testing this class). */
    public static OpenApiContract of(String document) {
        return new OpenApiContract(document);
    }

    /** A request as sent: the method and the request target (path, optionally {@code ?query}, as on the wire). */
    public static RecordedRequest request(String method, String target) {
        return new RecordedRequest(method, target, Map.of(), null);
    }

    public static RecordedResponse response(int status, Map<String, List<String>> headers, byte[] body) {
        return new RecordedResponse(status, headers, body);
    }

    /** Throws an {@link AssertionError} listing every way the exchange departs from the document. */
    public void assertConforms(RecordedRequest request, RecordedResponse response) {
        List<String> violations = violations(request, response);
        if (!violations.isEmpty()) {
            throw new AssertionError("the exchange departs from openapi.json:\n  " + String.join("\n  ", violations)
                    + "\nrequest: " + request + "\nresponse: " + response);
        }
    }

    /** Every way the exchange departs from the document; empty when it conforms. */
    public List<String> violations(RecordedRequest request, RecordedResponse response) {
        boolean head = request.method().equalsIgnoreCase("HEAD");
        String method = head ? "GET" : request.method().toUpperCase(Locale.ROOT);
        int queryStart = request.target().indexOf('?');
        String path = queryStart < 0 ? request.target() : request.target().substring(0, queryStart);

        List<String> violations = new ArrayList<>();
        if (head && response.body() != null && response.body().length > 0) {
            violations.add("a HEAD response has a body");
        }
        ValidationReport requestReport = validator.validateRequest(toValidatorRequest(request, method, path, head));
        boolean offDocument = requestReport.getMessages().stream().anyMatch(m -> OFF_DOCUMENT_KEYS.contains(m.getKey()));
        if (offDocument) {
            checkOffDocument(requestReport, response, violations);
            return violations;
        }
        if (response.status() >= 200 && response.status() < 300) {
            errors(requestReport).forEach(m -> violations.add("the server accepted (" + response.status()
                    + ") a request the document rejects: " + m));
        }
        ValidationReport responseReport = validator.validateResponse(path, Request.Method.valueOf(method), toValidatorResponse(response, head));
        errors(responseReport).stream()
                .filter(m -> !(head && m.startsWith("[validation.response.body.missing]")))
                .forEach(violations::add);
        checkTraceId(response, violations);
        return violations;
    }

    private static void checkOffDocument(ValidationReport requestReport, RecordedResponse response, List<String> violations) {
        boolean unknownPath = requestReport.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing"));
        int expectedStatus = unknownPath ? 404 : 405;
        String expectedCode = unknownPath ? "http.not_found" : "http.method_not_allowed";
        String what = unknownPath ? "a path the document does not list" : "a method the document does not list for this path";
        if (response.status() != expectedStatus) {
            violations.add(what + " was answered " + response.status() + ", not " + expectedStatus);
            return;
        }
        if (!unknownPath && response.header("Allow") == null) {
            violations.add("a 405 response has no Allow header");
        }
        JsonNode body = json(response, violations);
        if (body == null) {
            return;
        }
        if (!expectedCode.equals(body.path("code").asText(null))) {
            violations.add("a " + expectedStatus + " for " + what + " has code " + body.path("code") + ", not " + expectedCode);
        }
        if (!body.path("message").isTextual() || body.path("message").asText().isEmpty()) {
            violations.add("the error body has no message");
        }
        checkTraceId(response, violations);
    }

    private static void checkTraceId(RecordedResponse response, List<String> violations) {
        String header = response.header("X-Trace-Id");
        if (header == null || !header.matches("[0-9a-f]{32}")) {
            violations.add("X-Trace-Id is missing or not 32 lowercase hex characters: " + header);
        }
        if (response.status() < 400 || response.body() == null || response.body().length == 0) {
            return;
        }
        JsonNode body = json(response, violations);
        if (body == null) {
            return;
        }
        if (!body.path("trace_id").isTextual()) {
            violations.add("the error body has no trace_id");
        } else if (!Objects.equals(header, body.path("trace_id").asText())) {
            violations.add("the error body's trace_id " + body.path("trace_id") + " differs from X-Trace-Id " + header);
        }
    }

    private static JsonNode json(RecordedResponse response, List<String> violations) {
        try {
            JsonNode body = MAPPER.readTree(response.body() == null ? new byte[0] : response.body());
            if (body == null || !body.isObject()) {
                violations.add("the error body is not a JSON object");
                return null;
            }
            return body;
        } catch (IOException e) {
            violations.add("the error body is not JSON");
            return null;
        }
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> "[" + m.getKey() + "] " + m.getMessage()
                        + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo()))
                .toList();
    }

    private static Request toValidatorRequest(RecordedRequest request, String method, String path, boolean head) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
        int queryStart = request.target().indexOf('?');
        if (queryStart >= 0) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (String pair : request.target().substring(queryStart + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    query.computeIfAbsent(decode(equals < 0 ? pair : pair.substring(0, equals)), k -> new ArrayList<>())
                            .add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
                }
            }
            query.forEach(builder::withQueryParam);
        }
        request.headers().forEach(builder::withHeader);
        if (request.body() != null && request.body().length > 0 && !head) {
            builder.withBody(request.body());
        }
        return builder.build();
    }

    private static SimpleResponse toValidatorResponse(RecordedResponse response, boolean head) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(response.status());
        response.headers().forEach(builder::withHeader);
        if (response.body() != null && response.body().length > 0 && !head) {
            builder.withBody(response.body());
        }
        return builder.build();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** A request as it was sent. Header names are matched case-insensitively; {@code body} may be null. */
    public record RecordedRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {

        public RecordedRequest {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(target, "target");
            headers = copy(headers);
        }

        public RecordedRequest header(String name, String value) {
            Map<String, List<String>> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            more.putAll(headers);
            more.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return new RecordedRequest(method, target, more, body);
        }

        public RecordedRequest headers(Map<String, List<String>> all) {
            Map<String, List<String>> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            more.putAll(headers);
            all.forEach((name, values) -> more.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
            return new RecordedRequest(method, target, more, body);
        }

        public RecordedRequest body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        public RecordedRequest body(byte[] bytes) {
            return new RecordedRequest(method, target, headers, bytes);
        }

        @Override
        public String toString() {
            return method + " " + target + " " + redacted(headers) + (body == null ? "" : " " + text(body));
        }
    }

    /** A response as it was received. Header names are matched case-insensitively; {@code body} may be null. */
    public record RecordedResponse(int status, Map<String, List<String>> headers, byte[] body) {

        public RecordedResponse {
            headers = copy(headers);
        }

        /** The header's first value, or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        @Override
        public String toString() {
            return status + " " + headers + (body == null ? "" : " " + text(body));
        }
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                // java.net.http reports the HTTP/2 pseudo-header ":status"; it is no header of the document's.
                if (!name.startsWith(":")) {
                    copy.put(name, List.copyOf(values));
                }
            });
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static Map<String, List<String>> redacted(Map<String, List<String>> headers) {
        Map<String, List<String>> shown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> shown.put(name, name.equalsIgnoreCase("Authorization") ? List.of("<redacted>") : values));
        return shown;
    }

    private static String text(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 2_000 ? text.substring(0, 2_000) + "…" : text;
    }
}
