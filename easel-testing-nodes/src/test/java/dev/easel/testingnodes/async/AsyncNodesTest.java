package dev.easel.testingnodes.async;

import dev.easel.engine.graph.Expansion;
import dev.easel.engine.graph.Link;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.FakeNodeContext;
import dev.easel.testingnodes.python.RuntimeError;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.easel.testingnodes.Values.input;
import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsyncNodesTest {
    private final FakeNodeContext ctx = new FakeNodeContext();
    private final Tensor black = Tensor.zeros(1, 1, 1, 3);
    private final Tensor white = Tensor.ones(1, 1, 1, 3);

    private static Optional<String> validate(NodeDefinition node, Object... pairs) throws Exception {
        return node.customValidation().orElseThrow().check().validate(inputs(pairs), Map.of(), FakeNodeContext.FILES);
    }

    @Test
    void asyncValidationFailsAboveTheThresholdWithPythonNumbers() throws Exception {
        TestAsyncValidation node = new TestAsyncValidation();
        assertThat(validate(node, "value", 15.0, "threshold", 10.0)).contains("Value 15.0 exceeds threshold 10.0");
        assertThat(validate(node, "value", 5.0, "threshold", 10.0)).isEmpty();
        assertThat(node.customValidation().orElseThrow().inputs()).containsExactlyInAnyOrder("value", "threshold");
        Tensor image = (Tensor) node.execute(ctx, inputs("value", 5.0, "threshold", 10.0)).outputs().getFirst();
        assertThat(image.shape()).containsExactly(1, 512, 512, 3);
        assertThat(image.allEqual(0.5f)).isTrue();
    }

    @Test
    void asyncValidationErrorComparesAgainstItsMaximum() throws Exception {
        TestAsyncValidationError node = new TestAsyncValidationError();
        assertThat(validate(node, "value", 11.5, "max_value", 10.0)).contains("Async validation failed: 11.5 > 10.0");
        assertThat(validate(node, "value", 10.0, "max_value", 10.0)).isEmpty();
        Tensor image = (Tensor) node.execute(ctx, inputs("value", 2.0, "max_value", 8.0)).outputs().getFirst();
        assertThat(image.allEqual(0.25f)).isTrue();
    }

    @Test
    void errorsAreRaisedAsRuntimeErrors() {
        assertThatThrownBy(() -> new TestAsyncError().execute(ctx, inputs("value", 1L, "error_after", 0.0)))
                .isExactlyInstanceOf(RuntimeError.class).hasMessage("Intentional async execution error for testing");
        assertThatThrownBy(() -> new TestSyncError().execute(ctx, inputs("value", 1L)))
                .isExactlyInstanceOf(RuntimeError.class).hasMessage("Intentional sync execution error for testing");
        assertThat(RuntimeError.class.getSimpleName()).isEqualTo("RuntimeError");
    }

    @Test
    void timeoutFailsWhenTheOperationTakesLonger() throws Exception {
        TestAsyncTimeout node = new TestAsyncTimeout();
        assertThatThrownBy(() -> node.execute(ctx, inputs("value", 1L, "timeout", 0.1, "operation_time", 0.2)))
                .isInstanceOf(RuntimeError.class).hasMessage("Operation timed out after 0.1 seconds");
        assertThat(node.execute(ctx, inputs("value", 9L, "timeout", 0.2, "operation_time", 0.1)).outputs())
                .containsExactly(9L);
    }

    @Test
    void asyncLazyCheckNeedsTheInputTheConditionSelects() throws Exception {
        TestAsyncLazyCheck node = new TestAsyncLazyCheck();
        assertThat(node.checkLazyStatus(ctx, inputs("condition", true))).containsExactly("input1");
        assertThat(node.checkLazyStatus(ctx, inputs("condition", false))).containsExactly("input2");
        assertThat(node.checkLazyStatus(ctx, inputs("condition", true, "input1", 1L))).isEmpty();
        assertThat(node.schema().input("input1").orElseThrow().isLazy()).isTrue();
        assertThat(node.schema().async()).isFalse();
        assertThat(((Tensor) node.execute(ctx, inputs("condition", true, "input1", 1L)).outputs().getFirst())
                .allEqual(1f)).isTrue();
    }

    @Test
    void dynamicAsyncGenerationAlternatesImagesIntoAnAverage() throws Exception {
        NodeResult result = new TestDynamicAsyncGeneration().execute(ctx,
                inputs("image1", black, "image2", white, "num_async_nodes", 3L, "sleep_duration", 0.2));
        Expansion graph = result.expansion().orElseThrow();
        assertThat(graph.nodes()).extracting(PromptNode::classType)
                .containsExactly("TestSleep", "TestSleep", "TestSleep", "TestVariadicAverage");
        assertThat(input(graph, "5.0.0.1", "value")).isSameAs(black);
        assertThat(input(graph, "5.0.0.2", "value")).isSameAs(white);
        assertThat(input(graph, "5.0.0.3", "value")).isSameAs(black);
        assertThat(input(graph, "5.0.0.3", "seconds")).isEqualTo(0.2);
        assertThat(input(graph, "5.0.0.4", "input3")).isEqualTo(new Link("5.0.0.3", 0));
        assertThat(result.outputs()).containsExactly(new Link("5.0.0.4", 0));
    }

    @Test
    void dynamicAsyncGenerationWithOneNodeReturnsTheSleep() throws Exception {
        NodeResult result = new TestDynamicAsyncGeneration().execute(ctx,
                inputs("image1", black, "image2", white, "num_async_nodes", 1L, "sleep_duration", 0.1));
        assertThat(result.expansion().orElseThrow().nodes()).extracting(PromptNode::classType).containsExactly("TestSleep");
        assertThat(result.outputs()).containsExactly(new Link("5.0.0.1", 0));
    }

    @Test
    void parallelSleepExpandsIntoThreeSleepsAndAnAverage() throws Exception {
        TestParallelSleep node = new TestParallelSleep();
        NodeResult result = node.execute(ctx, inputs("image1", black, "image2", white, "image3", white,
                "sleep1", 0.1, "sleep2", 0.2, "sleep3", 0.3, "unique_id", "5"));
        Expansion graph = result.expansion().orElseThrow();
        assertThat(graph.nodes()).extracting(PromptNode::classType)
                .containsExactly("TestSleep", "TestSleep", "TestSleep", "TestVariadicAverage");
        assertThat(input(graph, "5.0.0.2", "seconds")).isEqualTo(0.2);
        assertThat(input(graph, "5.0.0.4", "input1")).isEqualTo(new Link("5.0.0.1", 0));
        assertThat(input(graph, "5.0.0.4", "input2")).isEqualTo(new Link("5.0.0.2", 0));
        assertThat(result.outputs()).containsExactly(new Link("5.0.0.4", 0));
        assertThat(node.schema().outputNode()).isTrue();
        assertThat(node.schema().input("sleep1").orElseThrow().options()).containsEntry("default", 0.5).containsEntry("max", 10.0);
    }

    @Test
    void batchProcessingInvertsEachImageAndStepsProgress() throws Exception {
        Tensor batch = Tensor.of(new float[] {0f, 0.25f, 0.5f, 1f, 1f, 1f}, 2, 1, 1, 3);
        Tensor result = (Tensor) new TestAsyncBatchProcessing().execute(ctx,
                inputs("images", batch, "process_time_per_item", 0.01, "unique_id", "5")).outputs().getFirst();
        assertThat(result.shape()).containsExactly(2, 1, 1, 3);
        assertThat(result.data()).containsExactly(1f, 0.75f, 0.5f, 0f, 0f, 0f);
        assertThat(ctx.progress()).containsExactly(new FakeNodeContext.ProgressCall(1, 2), new FakeNodeContext.ProgressCall(2, 2));
    }

    @Test
    void concurrentLimitReturnsItsValueAndGivesThePermitBack() throws Exception {
        assertThat(new TestAsyncConcurrentLimit().execute(ctx, inputs("value", "v", "duration", 0.1, "node_id", 0L))
                .outputs()).containsExactly("v");
        assertThat(TestAsyncConcurrentLimit.PERMITS.availablePermits()).isEqualTo(2);
    }

    @Test
    void progressUpdateNodesReportFractionsOfOne() throws Exception {
        for (NodeDefinition node : new NodeDefinition[] {new TestAsyncProgressUpdate(), new TestSyncProgressUpdate()}) {
            FakeNodeContext local = new FakeNodeContext();
            assertThat(node.execute(local, inputs("value", 3L, "sleep_seconds", 0.05)).outputs()).containsExactly(3L);
            assertThat(local.progress()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.max()).isEqualTo(1.0);
                assertThat(p.value()).isBetween(0.0, 1.0);
            });
            assertThat(local.progress().getLast().value()).isEqualTo(1.0);
        }
        assertThat(new TestAsyncProgressUpdate().schema().async()).isTrue();
        assertThat(new TestSyncProgressUpdate().schema().async()).isFalse();
    }
}
