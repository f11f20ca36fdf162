package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.ErrorCode;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty rejects before Javalin sees them (a malformed URI, headers too large, a
 * garbled request line) with our envelope instead of Jetty's HTML page, which quotes parser messages.
 */
final class ServerErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : 500;
        String traceId = TraceIds.random();
        ErrorBody body = switch (status) {
            case 413, 414, 431 -> new ErrorBody(ErrorCode.REQUEST_TOO_LARGE.code(), "request too large", traceId, Map.of());
            default -> status >= 400 && status < 500
                    ? new ErrorBody(ErrorResponses.BAD_REQUEST, "malformed HTTP request", traceId, Map.of())
                    : new ErrorBody(ErrorResponses.INTERNAL, ErrorResponses.INTERNAL_MESSAGE, traceId, Map.of());
        };
        response.setStatus(status);
        response.getHeaders().put(TraceIds.HEADER, traceId);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);
        // Jetty drops a connection that carried a malformed request; saying so keeps clients from reusing it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(Json.bytes(body)), callback);
        return true;
    }
}
