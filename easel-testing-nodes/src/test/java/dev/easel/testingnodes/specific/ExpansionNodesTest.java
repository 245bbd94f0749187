package dev.easel.testingnodes.specific;

import dev.easel.engine.graph.Expansion;
import dev.easel.engine.graph.Link;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.NodeResult;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

import static dev.easel.testingnodes.Values.input;
import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;

class ExpansionNodesTest {
    private final FakeNodeContext ctx = new FakeNodeContext();
    private final Tensor black = Tensor.zeros(1, 2, 2, 3);
    private final Tensor white = Tensor.ones(1, 2, 2, 3);

    @Test
    void dynamicDependencyCycleWiresTwoMixersIntoEachOther() throws Exception {
        NodeResult result = new TestDynamicDependencyCycle().execute(ctx, inputs("input1", black, "input2", white));
        Expansion graph = result.expansion().orElseThrow();
        assertThat(graph.nodes()).extracting(PromptNode::id).containsExactly("5.0.0.1", "5.0.0.2", "5.0.0.3");
        assertThat(graph.nodes()).extracting(PromptNode::classType)
                .containsExactly("StubMask", "TestLazyMixImages", "TestLazyMixImages");
        assertThat(input(graph, "5.0.0.1", "value")).isEqualTo(0.5);
        assertThat(input(graph, "5.0.0.1", "height")).isEqualTo(512L);
        assertThat(input(graph, "5.0.0.2", "image1")).isSameAs(black);
        assertThat(input(graph, "5.0.0.2", "image2")).isEqualTo(new Link("5.0.0.3", 0));
        assertThat(input(graph, "5.0.0.3", "image1")).isEqualTo(new Link("5.0.0.2", 0));
        assertThat(input(graph, "5.0.0.3", "image2")).isSameAs(white);
        assertThat(input(graph, "5.0.0.3", "mask")).isEqualTo(new Link("5.0.0.1", 0));
        assertThat(result.outputs()).containsExactly(new Link("5.0.0.3", 0));
    }

    @Test
    void mixedExpansionReturnsPlainValuesForSmallInputs() throws Exception {
        TestMixedExpansionReturns node = new TestMixedExpansionReturns();
        NodeResult low = node.execute(ctx, inputs("input1", 0.1));
        NodeResult mid = node.execute(ctx, inputs("input1", 0.15));
        assertThat(low.expansion()).isEmpty();
        assertThat(((Tensor) low.outputs().get(0)).allEqual(0.1f)).isTrue();
        assertThat(((Tensor) low.outputs().get(1)).allEqual(1f)).isTrue();
        assertThat(mid.expansion()).isEmpty();
        assertThat(((Tensor) mid.outputs().get(0)).allEqual(0.2f)).isTrue();
        assertThat(((Tensor) mid.outputs().get(0)).shape()).containsExactly(1, 512, 512, 3);
    }

    @Test
    void mixedExpansionMixesALinkAndAValueAboveTwoTenths() throws Exception {
        NodeResult high = new TestMixedExpansionReturns().execute(ctx, inputs("input1", 0.3));
        Expansion graph = high.expansion().orElseThrow();
        assertThat(graph.nodes()).extracting(PromptNode::classType)
                .containsExactly("StubMask", "StubImage", "StubImage", "TestLazyMixImages");
        assertThat(input(graph, "5.0.0.1", "value")).isEqualTo(0.3);
        assertThat(input(graph, "5.0.0.2", "content")).isEqualTo("BLACK");
        assertThat(input(graph, "5.0.0.3", "content")).isEqualTo("WHITE");
        assertThat(input(graph, "5.0.0.4", "image1")).isEqualTo(new Link("5.0.0.2", 0));
        assertThat(input(graph, "5.0.0.4", "image2")).isEqualTo(new Link("5.0.0.3", 0));
        assertThat(input(graph, "5.0.0.4", "mask")).isEqualTo(new Link("5.0.0.1", 0));
        assertThat(high.outputs().get(0)).isEqualTo(new Link("5.0.0.4", 0));
        assertThat(((Tensor) high.outputs().get(1)).allEqual(1f)).isTrue();
        assertThat(new TestMixedExpansionReturns().schema().outputs()).hasSize(2);
    }

    @Test
    void samplingInExpansionBuildsATextToImagePipeline() throws Exception {
        Object model = new Object(), clip = new Object(), vae = new Object();
        NodeResult result = new TestSamplingInExpansion().execute(ctx, inputs("model", model, "clip", clip,
                "vae", vae, "seed", 42L, "steps", 4L, "cfg", 7.0, "prompt", "a cat", "negative_prompt", "blurry"));
        Expansion graph = result.expansion().orElseThrow();
        assertThat(graph.nodes()).extracting(PromptNode::classType).containsExactly(
                "CLIPTextEncode", "CLIPTextEncode", "EmptyLatentImage", "KSampler", "VAEDecode");
        assertThat(input(graph, "5.0.0.1", "text")).isEqualTo("a cat");
        assertThat(input(graph, "5.0.0.2", "text")).isEqualTo("blurry");
        assertThat(input(graph, "5.0.0.3", "width")).isEqualTo(512L);
        assertThat(input(graph, "5.0.0.4", "sampler_name")).isEqualTo("euler_ancestral");
        assertThat(input(graph, "5.0.0.4", "scheduler")).isEqualTo("normal");
        assertThat(input(graph, "5.0.0.4", "seed")).isEqualTo(42L);
        assertThat(input(graph, "5.0.0.4", "positive")).isEqualTo(new Link("5.0.0.1", 0));
        assertThat(input(graph, "5.0.0.4", "latent_image")).isEqualTo(new Link("5.0.0.3", 0));
        assertThat(input(graph, "5.0.0.5", "samples")).isEqualTo(new Link("5.0.0.4", 0));
        assertThat(input(graph, "5.0.0.5", "vae")).isSameAs(vae);
        assertThat(result.outputs()).containsExactly(new Link("5.0.0.5", 0));
    }
}
