package dev.easel.testingnodes.e2e;

import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.CoreNodePack;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;
import dev.easel.testingnodes.TestingNodePack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A real server on a free port with the core nodes and the testing pack, plus one connected client,
 * shared by all tests of a class. Register it as a static {@code @RegisterExtension} field: it starts
 * before the first test in a fresh folder and stops, deleting the folder, after the last.
 */
final class EaselFixture implements BeforeAllCallback, AfterAllCallback {
    private final CachePolicy cache;
    private Path base;
    private EaselServer server;
    private ComfyClient client;

    private EaselFixture(CachePolicy cache) {
        this.cache = cache;
    }

    /** A server with ComfyUI's default (classic) cache. */
    static EaselFixture classic() {
        return new EaselFixture(CachePolicy.classic());
    }

    static EaselFixture withCache(CachePolicy cache) {
        return new EaselFixture(cache);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        base = Files.createTempDirectory("easel-e2e");
        PackEnvironment env = PackEnvironment.under(base);
        NodeRegistry registry = NodeRegistry.builder()
                .addPack(new CoreNodePack(), env)
                .addPack(new TestingNodePack(), env)
                .build();
        server = EaselServer.start(ServerConfig.defaults(base).withPort(0).withCache(cache), registry);
        client = new ComfyClient(server.port());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (client != null) client.close();
            if (server != null) server.close();
        } finally {
            deleteTree(base);
        }
    }

    ComfyClient client() {
        return client;
    }

    EaselServer server() {
        return server;
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

    /** {@link #savedPixel} of every image an output node saved, in order. */
    List<Integer> savedPixels(RunResult result, String nodeId) throws Exception {
        List<Integer> pixels = new ArrayList<>();
        for (int i = 0; i < result.imageEntries(nodeId).size(); i++) pixels.add(savedPixel(result, nodeId, i));
        return pixels;
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
