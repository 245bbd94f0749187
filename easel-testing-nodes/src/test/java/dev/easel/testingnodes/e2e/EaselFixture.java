package dev.easel.testingnodes.e2e;

import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.CoreNodePack;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;
import dev.easel.testingnodes.TestingNodePack;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A real server on a free port with the core nodes and the testing pack, plus one connected client. */
final class EaselFixture implements AutoCloseable {
    final Path base;
    final EaselServer server;
    final ComfyClient client;

    EaselFixture(Path base, CachePolicy cache) throws Exception {
        this.base = base;
        PackEnvironment env = PackEnvironment.under(base);
        NodeRegistry registry = NodeRegistry.builder()
                .addPack(new CoreNodePack(), env)
                .addPack(new TestingNodePack(), env)
                .build();
        this.server = EaselServer.start(ServerConfig.defaults(base).withPort(0).withCache(cache), registry);
        this.client = new ComfyClient(server.port());
    }

    /** The red channel of the top-left pixel of the {@code index}-th image an output node saved. */
    int savedPixel(RunResult result, String nodeId, int index) throws Exception {
        var entry = result.imageEntries(nodeId).get(index);
        Path folder = base.resolve(entry.path("type").asText("output"));
        String subfolder = entry.path("subfolder").asText("");
        Path file = (subfolder.isEmpty() ? folder : folder.resolve(subfolder)).resolve(entry.path("filename").asText());
        BufferedImage image = ImageIO.read(file.toFile());
        return (image.getRGB(0, 0) >> 16) & 0xff;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
