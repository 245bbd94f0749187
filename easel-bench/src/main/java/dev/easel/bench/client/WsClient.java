package dev.easel.bench.client;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A {@code /ws} client on the JDK's WebSocket: reassembles fragmented messages and hands each
 * complete one to a {@link Handler} together with the {@link System#nanoTime()} at which its
 * last fragment arrived. Handlers run on the client's reader thread and must be quick.
 */
public final class WsClient implements AutoCloseable {
    private final WebSocket socket;

    private WsClient(WebSocket socket) {
        this.socket = socket;
    }

    public interface Handler {
        void onText(String message, long receivedNanos);

        default void onBinary(byte[] frame, long receivedNanos) {
        }
    }

    /** Opens {@code ws://host:port/ws?clientId=...} and waits at most 30 s for the upgrade. */
    public static WsClient connect(HttpClient http, URI base, String clientId, Handler handler) throws Exception {
        return connectAsync(http, base, clientId, handler).get(30, TimeUnit.SECONDS);
    }

    public static CompletableFuture<WsClient> connectAsync(HttpClient http, URI base, String clientId, Handler handler) {
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws?clientId=" + clientId);
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, new Reassembler(handler)).thenApply(WsClient::new);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        socket.abort();
    }

    private static final class Reassembler implements WebSocket.Listener {
        private final Handler handler;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        Reassembler(Handler handler) {
            this.handler = handler;
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
            ws.request(1);
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
            ws.request(1);
            return null;
        }
    }
}
