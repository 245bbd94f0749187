package dev.easel.bench.server;

import dev.easel.bench.nodes.BenchNodes;
import dev.easel.bench.nodes.ModelCallStamps;
import dev.easel.bench.nodes.ProgressStamps;
import dev.easel.bench.report.TempFolders;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.models.demo.DemoModel;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * A real Easel server in this JVM on a free loopback port, with the built-in and benchmark
 * nodes, its folders in a fresh temporary directory that {@link #close()} deletes. Started with
 * {@link #startWithDemoModel}, it also has the generation nodes and the demo checkpoint in
 * {@code models/checkpoints}, written there as the application writes it at its first start.
 */
public final class InProcessServer implements AutoCloseable {
    private final Path base;
    private final EaselServer server;
    private final ProgressStamps stamps;
    private final ModelCallStamps modelCalls;
    private final long demoWriteNanos;

    private InProcessServer(Path base, EaselServer server, ProgressStamps stamps, ModelCallStamps modelCalls,
                            long demoWriteNanos) {
        this.base = base;
        this.server = server;
        this.stamps = stamps;
        this.modelCalls = modelCalls;
        this.demoWriteNanos = demoWriteNanos;
    }

    public static InProcessServer start(CachePolicy cache) {
        Path base = TempFolders.create("easel-bench");
        ProgressStamps stamps = new ProgressStamps();
        return new InProcessServer(base, start(base, cache, BenchNodes.registry(PackEnvironment.under(base), stamps)),
                stamps, new ModelCallStamps(), 0);
    }

    /**
     * With the generation nodes, {@code BenchStampedModel} and the demo checkpoint
     * {@value DemoModel#NAME}; sampler previews fit in {@code previewSize}² ({@code --preview-size}).
     */
    public static InProcessServer startWithDemoModel(CachePolicy cache, int previewSize) {
        Path base = TempFolders.create("easel-bench");
        long started = System.nanoTime();
        try {
            DemoModel.writeTo(base.resolve("models").resolve("checkpoints").resolve(DemoModel.NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo model under " + base, e);
        }
        long written = System.nanoTime() - started;
        ProgressStamps stamps = new ProgressStamps();
        ModelCallStamps calls = new ModelCallStamps();
        PackEnvironment defaults = PackEnvironment.under(base);
        PackEnvironment env = new PackEnvironment(base, defaults.outputDir(), defaults.inputDir(), defaults.tempDir(),
                false, defaults.previewMethod(), previewSize, defaults.modelFolders());
        NodeRegistry registry = BenchNodes.generationRegistry(env, stamps, calls);
        return new InProcessServer(base, start(base, cache, registry), stamps, calls, written);
    }

    private static EaselServer start(Path base, CachePolicy cache, NodeRegistry registry) {
        return EaselServer.start(ServerConfig.defaults(base).withPort(0).withCache(cache), registry);
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

    /** The stamps of {@code BenchStampedModel}'s calls. */
    public ModelCallStamps modelCalls() {
        return modelCalls;
    }

    /** How long writing the demo model took (0 without it). */
    public long demoWriteNanos() {
        return demoWriteNanos;
    }

    @Override
    public void close() {
        server.close();
        TempFolders.delete(base);
    }
}
