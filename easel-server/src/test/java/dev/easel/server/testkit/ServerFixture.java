package dev.easel.server.testkit;

import dev.easel.testkit.Http;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A real server on a free port under a temporary directory, with an HTTP client. */
public final class ServerFixture implements AutoCloseable {
    public final EaselServer server;
    public final Http http;
    public final ServerConfig config;

    private ServerFixture(ServerConfig config, EaselServer server) {
        this.config = config;
        this.server = server;
        this.http = new Http(server.port());
    }

    public static ServerFixture start(Path dir, NodeRegistry registry) {
        return start(dir, registry, c -> c);
    }

    public static ServerFixture start(Path dir, NodeRegistry registry, UnaryOperator<ServerConfig> adjust) {
        ServerConfig config = adjust.apply(ServerConfig.defaults(dir).withPort(0));
        return new ServerFixture(config, EaselServer.start(config, registry));
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
