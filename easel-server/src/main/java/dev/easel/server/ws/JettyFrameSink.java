package dev.easel.server.ws;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** Jetty's asynchronous send, turned into a future the socket's single writer can wait on. */
final class JettyFrameSink implements FrameSink {
    private final Session session;

    JettyFrameSink(Session session) {
        this.session = session;
    }

    @Override
    public CompletableFuture<Void> send(Frame frame) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Callback callback = Callback.from(() -> done.complete(null), done::completeExceptionally);
        switch (frame) {
            case Frame.Text text -> session.sendText(text.json(), callback);
            case Frame.Binary binary -> session.sendBinary(ByteBuffer.wrap(binary.bytes()), callback);
        }
        return done;
    }

    @Override
    public CompletableFuture<Void> ping() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        session.sendPing(ByteBuffer.allocate(0), Callback.from(() -> done.complete(null), done::completeExceptionally));
        return done;
    }

    @Override
    public CompletableFuture<Void> close(int code, String reason) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        session.close(code, reason, Callback.from(() -> done.complete(null), done::completeExceptionally));
        return done;
    }

    @Override
    public void abort() {
        session.disconnect();
    }
}
