package dev.easel.server.routes;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodePack;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.server.testkit.ServerTest;
import dev.easel.server.testkit.TestNodes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /free} reaches the node packs that hold models. */
class FreeRouteTest extends ServerTest {
    private final AtomicInteger unloads = new AtomicInteger();

    @Override
    protected NodeRegistry registry() {
        NodePack holder = new NodePack() {
            @Override
            public String name() {
                return "holder";
            }

            @Override
            public List<NodeDefinition> nodes(PackEnvironment env) {
                return List.of(TestNodes.makeInt(), TestNodes.output());
            }

            @Override
            public void unloadModels() {
                unloads.incrementAndGet();
            }
        };
        return NodeRegistry.builder().addPack(holder, PackEnvironment.under(dir)).build();
    }

    @Test
    void unloadModelsAsksEveryPackToReleaseItsModels() throws Exception {
        assertThat(fx.http.postJson("/free", map("unload_models", true)).status()).isEqualTo(200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (unloads.get() == 0 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(unloads.get()).isEqualTo(1);
    }

    @Test
    void freeWithoutUnloadLeavesModelsLoaded() throws Exception {
        assertThat(fx.http.postJson("/free", map("unload_models", false)).status()).isEqualTo(200);
        // a prompt runs after the worker applied the request, so by its end the request was seen
        fx.http.postJson("/prompt", map("prompt", TestNodes.simplePrompt(1)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fx.http.get("/history").json().size() == 0 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(unloads.get()).isZero();
    }
}
