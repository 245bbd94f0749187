package dev.easel.bench.server;

import dev.easel.bench.nodes.BenchNodes;
import dev.easel.bench.nodes.ProgressStamps;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Easel server in this JVM on a free loopback port, with the built-in and benchmark
 * nodes, its folders in a fresh temporary directory that {@link #close()} deletes.
 */
public final class InProcessServer implements AutoCloseable {
    private final Path base;
    private final EaselServer server;
    private final ProgressStamps stamps;

    private InProcessServer(Path base, EaselServer server, ProgressStamps stamps) {
        this.base = base;
        this.server = server;
        this.stamps = stamps;
    }

    public static InProcessServer start(CachePolicy cache) {
        Path base;
        try {
            base = Files.createTempDirectory("easel-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProgressStamps stamps = new ProgressStamps();
        ServerConfig config = ServerConfig.defaults(base).withPort(0).withCache(cache);
        EaselServer server = EaselServer.start(config, BenchNodes.registry(PackEnvironment.under(base), stamps));
        return new InProcessServer(base, server, stamps);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public EaselServer server() {
        return server;
    }

    /** The stamps of the {@code BenchProgressProbe} node of this server. */
    public ProgressStamps stamps() {
        return stamps;
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
