package dev.easel.testkit;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket client on the JDK's WebSocket, the one every test and benchmark uses: reassembles
 * fragmented messages and hands each complete one to a {@link Handler} together with the
 * {@link System#nanoTime()} at which its last fragment arrived. Handlers run on the client's
 * reader thread, one call at a time, and must be quick.
 *
 * <p>A client opened {@linkplain #openPaused paused} reads only the first frame and then asks
 * for no more until {@link #resume()}: the JDK reads, and so answers pings, only on demand, so
 * such a client plays a peer that stopped reading and whose pongs never come.
 */
public final class WsClient implements AutoCloseable {
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(30);
    private static final long REFUSAL_WAIT_SECONDS = 20;

    private final WebSocket socket;
    private final Reader reader;

    private WsClient(WebSocket socket, Reader reader) {
        this.socket = socket;
        this.reader = reader;
    }

    /** What the client read. Only {@link #onText} must be given, so a lambda makes a handler. */
    public interface Handler {
        void onText(String message, long receivedNanos);

        default void onBinary(byte[] message, long receivedNanos) {
        }

        /** A ping read, which the JDK answers with a pong as it reads it. */
        default void onPing() {
        }

        /** The peer's close frame; the JDK answers it with one of its own. */
        default void onClose(int code, String reason) {
        }

        /** The connection broke, or could not be read on, without a close frame read. */
        default void onError(Throwable error) {
        }
    }

    /** Opens {@code ws://host:port/ws?clientId=...} of the server at {@code base} and waits at most 30 s for the upgrade. */
    public static WsClient connect(HttpClient http, URI base, String clientId, Handler handler) throws Exception {
        return connectAsync(http, base, clientId, handler).get(CONNECT_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Starts opening {@code ws://host:port/ws?clientId=...} of the server at {@code base}. */
    public static CompletableFuture<WsClient> connectAsync(HttpClient http, URI base, String clientId, Handler handler) {
        return open(http, URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws?clientId=" + clientId), handler);
    }

    /** Starts opening {@code uri}, asking with the given headers (name, value, ...); the client reads every frame as it comes. */
    public static CompletableFuture<WsClient> open(HttpClient http, URI uri, Handler handler, String... headers) {
        return open(http, uri, new Reader(handler, false), headers);
    }

    /** Starts opening {@code uri}; the client reads the first frame and then no more until {@link #resume()}. */
    public static CompletableFuture<WsClient> openPaused(HttpClient http, URI uri, Handler handler) {
        return open(http, uri, new Reader(handler, true));
    }

    private static CompletableFuture<WsClient> open(HttpClient http, URI uri, Reader reader, String... headers) {
        return withHeaders(http.newWebSocketBuilder().connectTimeout(CONNECT_LIMIT), headers).buildAsync(uri, reader)
                .thenApply(socket -> new WsClient(socket, reader));
    }

    private static WebSocket.Builder withHeaders(WebSocket.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        return builder;
    }

    /**
     * The HTTP status with which the server refuses an upgrade to {@code uri}, asked with the
     * given headers (name, value, name, value...). An accepted upgrade, or a connection that
     * ends without an HTTP answer, is an assertion failure.
     */
    public static int refusedStatus(URI uri, String... headers) {
        WebSocket.Builder builder = withHeaders(HttpClient.newHttpClient().newWebSocketBuilder(), headers);
        WebSocket accepted;
        try {
            accepted = builder.buildAsync(uri, new WebSocket.Listener() { }).get(REFUSAL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof WebSocketHandshakeException refused) return refused.getResponse().statusCode();
            throw new AssertionError("the upgrade to " + uri + " failed without an HTTP answer", failed.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no answer to the upgrade to " + uri + " within " + REFUSAL_WAIT_SECONDS + " s", e);
        }
        accepted.abort();
        throw new AssertionError("the upgrade to " + uri + " was accepted");
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Reads on after {@linkplain #openPaused a pause}: every frame that waited, then each as it comes. */
    public void resume() {
        reader.paused = false;
        socket.request(1);
    }

    /** Sends a close frame and returns once it is sent; the peer's answer reaches {@link Handler#onClose}. */
    public void sendClose(String reason) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, reason).join();
    }

    /** Drops the connection without a close frame, as a client that vanishes. */
    public void abort() {
        socket.abort();
    }

    /** Sends a close frame, waiting at most 5 s, then drops the connection. */
    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        socket.abort();
    }

    /**
     * Reassembles messages and asks for each next frame, unless paused: then {@link #resume()}
     * asks for it. A frame may be asked for twice around a resume, which only reads it sooner.
     */
    private static final class Reader implements WebSocket.Listener {
        private final Handler handler;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        volatile boolean paused;

        Reader(Handler handler, boolean paused) {
            this.handler = handler;
            this.paused = paused;
        }

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = System.nanoTime();
            if (last && text.isEmpty()) {
                handler.onText(data.toString(), now);
            } else {
                text.append(data);
                if (last) {
                    handler.onText(text.toString(), now);
                    text.setLength(0);
                }
            }
            readOn(ws);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            long now = System.nanoTime();
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                handler.onBinary(binary.toByteArray(), now);
                binary.reset();
            }
            readOn(ws);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            handler.onPing();
            readOn(ws);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            readOn(ws);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            handler.onClose(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            handler.onError(error);
        }

        private void readOn(WebSocket ws) {
            if (!paused) ws.request(1);
        }
    }
}
