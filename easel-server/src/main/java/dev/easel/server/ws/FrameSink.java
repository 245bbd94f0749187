package dev.easel.server.ws;

import java.util.concurrent.CompletableFuture;

/** Where a socket's writer puts frames: the network in production, a recorder in tests. */
public interface FrameSink {

    /** Starts writing one frame; the future completes when the transport accepted it. */
    CompletableFuture<Void> send(Frame frame);

    /** Sends a keep-alive outside the queue (a WebSocket ping); completes when it was written. */
    CompletableFuture<Void> ping();

    /** Sends a close frame; completes when it was written. */
    CompletableFuture<Void> close(int code, String reason);

    /** Drops the connection without a handshake (used when even the close frame cannot get out). */
    void abort();
}
