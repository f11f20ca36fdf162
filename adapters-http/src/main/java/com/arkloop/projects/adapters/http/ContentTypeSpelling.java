package com.arkloop.projects.adapters.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes {@code Content-Type} parameters as the contract spells them ({@code application/json;
 * charset=utf-8}). Jetty's servlet layer normalises known types to {@code ;charset=} without the space;
 * that is the same media type, but clients that compare the header as text deserve the documented
 * form. Applied once, as the response headers are committed, to every response.
 */
final class ContentTypeSpelling extends Handler.Wrapper {

    private static final String JETTY_FORM = ";charset=";
    private static final String CONTRACT_FORM = "; charset=";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        request.addHttpStreamWrapper(stream -> new HttpStream.Wrapper(stream) {
            @Override
            public void send(MetaData.Request metaRequest, MetaData.Response metaResponse, boolean last,
                             ByteBuffer content, Callback sent) {
                super.send(metaRequest, metaResponse == null ? null : respell(metaResponse), last, content, sent);
            }
        });
        return super.handle(request, response, callback);
    }

    private static MetaData.Response respell(MetaData.Response response) {
        String type = response.getHttpFields().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.contains(JETTY_FORM)) {
            return response;
        }
        HttpFields.Mutable fields = HttpFields.build(response.getHttpFields());
        fields.put(HttpHeader.CONTENT_TYPE, type.replace(JETTY_FORM, CONTRACT_FORM));
        return new MetaData.Response(response.getStatus(), response.getReason(), response.getHttpVersion(), fields,
                response.getContentLength(), response.getTrailersSupplier());
    }
}
