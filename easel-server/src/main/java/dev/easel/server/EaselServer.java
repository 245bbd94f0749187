package dev.easel.server;

import dev.easel.engine.node.NodeRegistry;

/**
 * A running Easel server: HTTP API, {@code /ws}, the prompt worker. Start one per process (or
 * per test); {@link #close()} stops it and frees the port at once.
 */
public final class EaselServer implements AutoCloseable {

    private EaselServer() {
    }

    /** Binds, starts the worker and returns once the port accepts connections. */
    public static EaselServer start(ServerConfig config, NodeRegistry registry) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
