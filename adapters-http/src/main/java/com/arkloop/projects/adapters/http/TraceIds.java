package com.arkloop.projects.adapters.http;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A random id per request, sent as {@code X-Trace-Id} and repeated in error bodies, to find it in the logs. */
final class TraceIds {

    static final String HEADER = "X-Trace-Id";
    private static final String ATTRIBUTE = TraceIds.class.getName();
    private static final HexFormat HEX = HexFormat.of();

    private TraceIds() {
    }

    /** Runs first on every request, matched or not, so even a 404 or 405 carries the header. */
    static void assign(Context ctx) {
        String traceId = random();
        ctx.attribute(ATTRIBUTE, traceId);
        ctx.header(HEADER, traceId);
    }

    static String of(Context ctx) {
        String traceId = ctx.attribute(ATTRIBUTE);
        if (traceId == null) {
            assign(ctx);
            traceId = ctx.attribute(ATTRIBUTE);
        }
        return traceId;
    }

    /** 32 lowercase hex characters (128 bits): unique enough, and not a secret, so no SecureRandom. */
    static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}
