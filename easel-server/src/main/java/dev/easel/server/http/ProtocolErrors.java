package dev.easel.server.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Answers requests Jetty refuses before any handler sees them (a broken request line, headers
 * too large). Only a client's mistake gets here, so the answer is a 4xx: an HTTP version other
 * than 1.0 and 1.1, which Jetty would answer 505, is a 400, as aiohttp answers it.
 */
public final class ProtocolErrors extends ErrorHandler {
    private static final int VERSION_NOT_SUPPORTED = 505;

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (response.getStatus() != VERSION_NOT_SUPPORTED) return super.handle(request, response, callback);
        // the error request keeps its 505 for the default page, so this answer is written here
        response.setStatus(400);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap("400: Bad Request".getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
