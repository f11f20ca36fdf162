package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw request bodies of uploads (file writes, snapshots), streamed from the servlet input as the use
 * case reads them: never buffered whole, and untouched by Javalin's {@code maxRequestSize}, which
 * applies only to bodies Javalin reads into memory itself ({@code ctx.bodyAsBytes()} and what builds
 * on it). Nothing is read before the use case asks, so its checks (project, path, base revision) come
 * first; a body that cannot be read (the client went away, a broken chunk) is 422 {@code validation.error}
 * naming {@code body}, like a JSON body that cannot be read.
 */
final class UploadBodies {

    /** After a refusal, at most this much of the rest is read, so the client still sees the answer. */
    private static final long DISCARD_LIMIT_BYTES = 4L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(UploadBodies.class);

    private UploadBodies() {
    }

    /** The body, as the use case reads it. */
    static InputStream stream(Context ctx) {
        return new Body(ctx, Long.MAX_VALUE);
    }

    /**
     * The body, refused with 413 {@code request.too_large} at the first read, before a byte is read,
     * when its {@code Content-Length} is over {@code maxBytes}. A body without a length is the
     * reader's to cap (the blob store stops one byte past it).
     */
    static InputStream capped(Context ctx, long maxBytes) {
        return new Body(ctx, maxBytes);
    }

    /** The declared {@code Content-Length}, or -1. */
    static long declaredLength(Context ctx) {
        return ctx.req().getContentLengthLong();
    }

    /**
     * Reads and drops what is left of a refused body, up to a bound: a client still sending when the
     * error goes out would otherwise see a reset connection instead of the answer. Past the bound,
     * Jetty closes the connection rather than read on.
     */
    static void discardRest(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[8192];
            long discarded = 0;
            int read;
            while (discarded < DISCARD_LIMIT_BYTES && (read = in.read(buffer)) != -1) {
                discarded += read;
            }
        } catch (IOException | RuntimeException gone) {
            LOG.debug("could not discard the rest of a refused upload", gone);
        }
    }

    private static final class Body extends InputStream {

        private final Context ctx;
        private final long maxDeclared;
        private InputStream in;

        Body(Context ctx, long maxDeclared) {
            this.ctx = ctx;
            this.maxDeclared = maxDeclared;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            try {
                return open().read(buffer, offset, length);
            } catch (IOException unreadable) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "request validation failed",
                        Map.of("body", "could not be read"), unreadable);
            }
        }

        private InputStream open() throws IOException {
            if (in == null) {
                if (ctx.req().getContentLengthLong() > maxDeclared) {
                    throw new DomainException(ErrorCode.REQUEST_TOO_LARGE, "request body too large",
                            Map.of("body", "must be at most " + maxDeclared + " bytes"));
                }
                in = ctx.req().getInputStream();
            }
            return in;
        }
    }
}
