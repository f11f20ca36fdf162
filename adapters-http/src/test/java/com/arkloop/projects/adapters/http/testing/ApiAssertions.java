package com.arkloop.projects.adapters.http.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/** Assertions every response of the contract must pass, and the shape of the error envelope. */
public final class ApiAssertions {

    /** Exactly as the contract spells it (see {@code ContentTypeSpelling}). */
    public static final String JSON = "application/json; charset=utf-8";
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Set<String> ENVELOPE_FIELDS = Set.of("code", "message", "trace_id", "details");
    /** Things that must never reach a client: Java/Jackson/Jetty internals, SQL, file paths. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)exception|jackson|javalin|jetty|\\bat [a-z]+\\.|\\.java|select |insert |/usr/|/tmp/|/home/"
            + "|\\b(com|org|java|javax|jakarta|io)\\.[a-z]+\\.[a-z]+\\.");

    private ApiAssertions() {
    }

    public static void assertTraceId(ApiResponse response) {
        String traceId = response.traceId();
        assertNotNull(traceId, () -> "no X-Trace-Id: " + response);
        assertTrue(TRACE_ID.matcher(traceId).matches(), () -> "bad X-Trace-Id: " + traceId);
    }

    /** A JSON success with the given status. */
    public static JsonNode assertJson(ApiResponse response, int status) {
        assertEquals(status, response.status(), response::toString);
        assertTraceId(response);
        assertEquals(JSON, response.header("Content-Type"), response::toString);
        return response.json();
    }

    /** The error envelope with the given status and code, the header's trace id in the body, nothing internal. */
    public static JsonNode assertError(ApiResponse response, int status, String code) {
        JsonNode body = assertJson(response, status);
        assertEquals(code, body.path("code").asText(), response::toString);
        assertTrue(body.path("message").isTextual() && !body.path("message").asText().isEmpty(), response::toString);
        assertEquals(response.traceId(), body.path("trace_id").asText(), response::toString);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertTrue(ENVELOPE_FIELDS.contains(name), () -> "unexpected field " + name + ": " + response);
        }
        if (body.has("details")) {
            assertTrue(body.get("details").isObject() && !body.get("details").isEmpty(), response::toString);
        }
        assertFalse(LEAK.matcher(response.bodyText()).find(), () -> "internals in body: " + response);
        return body;
    }

    /** An error whose {@code details} name {@code field}. */
    public static JsonNode assertError(ApiResponse response, int status, String code, String field) {
        JsonNode body = assertError(response, status, code);
        assertTrue(body.path("details").has(field), () -> "details do not name " + field + ": " + response);
        return body;
    }

    /** An error body with its trace id blanked, to compare two failures that must look the same. */
    public static JsonNode withoutTraceId(ApiResponse response) {
        JsonNode body = response.json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("trace_id");
        return body;
    }
}
