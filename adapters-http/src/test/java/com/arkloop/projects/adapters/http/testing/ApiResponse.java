package com.arkloop.projects.adapters.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A response as received: status, headers and body bytes, with JSON and header helpers for assertions. */
public record ApiResponse(int status, HttpHeaders headers, byte[] body) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (IOException notJson) {
            throw new UncheckedIOException("not JSON (status " + status + "): " + bodyText(), notJson);
        }
    }

    /** The header's only value, or null when absent. Fails when it is repeated. */
    public String header(String name) {
        List<String> values = headers.allValues(name);
        if (values.size() > 1) {
            throw new AssertionError("header " + name + " is repeated: " + values);
        }
        return values.isEmpty() ? null : values.getFirst();
    }

    public String traceId() {
        return header("X-Trace-Id");
    }

    /** The {@code code} of an error body. */
    public String errorCode() {
        return json().path("code").asText(null);
    }

    @Override
    public String toString() {
        return status + " " + headers.map() + " " + bodyText();
    }
}
