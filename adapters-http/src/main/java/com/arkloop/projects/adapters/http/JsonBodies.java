package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads a request body as one JSON object, within a size cap. The Content-Type header is not checked:
 * the body is JSON whatever it says (a bare {@code curl -d} sends a form type), and bearer tokens
 * already rule out cross-site form posts. Every failure is a client error naming {@code body}.
 */
final class JsonBodies {

    private static final long DISCARD_LIMIT_BYTES = 4L * 1024 * 1024;

    private final int maxBytes;

    JsonBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    JsonObjectReader readObject(Context ctx) {
        JsonNode node = parse(read(ctx));
        if (!(node instanceof ObjectNode object)) {
            throw DomainException.invalidField("body", "must be a JSON object");
        }
        return new JsonObjectReader(object);
    }

    private byte[] read(Context ctx) {
        try (InputStream in = ctx.bodyInputStream()) {
            if (ctx.req().getContentLengthLong() <= maxBytes) {
                // One byte over the cap is enough to know the body is too large.
                byte[] bytes = in.readNBytes(maxBytes + 1);
                if (bytes.length <= maxBytes) {
                    return bytes;
                }
            }
            discardUpTo(in, DISCARD_LIMIT_BYTES);
            throw tooLarge();
        } catch (IOException unreadable) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "request validation failed",
                    Map.of("body", "could not be read"), unreadable);
        }
    }

    /**
     * Reads and drops what is left of an oversized body, up to a bound. A client still sending when the
     * 413 goes out would otherwise see a reset connection instead of the answer; past the bound, Jetty
     * closes the connection rather than read on.
     */
    private static void discardUpTo(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long discarded = 0;
        int read;
        while (discarded < limit && (read = in.read(buffer)) != -1) {
            discarded += read;
        }
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw DomainException.invalidField("body", "is required");
        }
        try {
            return Json.parse(bytes);
        } catch (IOException malformed) {
            // Jackson's message quotes the input and names its own classes: it stays in the cause only.
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "request validation failed",
                    Map.of("body", "malformed JSON"), malformed);
        }
    }

    private DomainException tooLarge() {
        return new DomainException(ErrorCode.REQUEST_TOO_LARGE, "request body too large",
                Map.of("body", "must be at most " + maxBytes + " bytes"));
    }
}
