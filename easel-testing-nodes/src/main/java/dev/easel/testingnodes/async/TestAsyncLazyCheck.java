package dev.easel.testingnodes.async;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonTruth;
import dev.easel.testingnodes.stubs.Fill;

import java.util.ArrayList;
import java.util.List;

/**
 * A node whose lazy check waits before answering: it needs {@code input1} when the condition
 * holds, else {@code input2}. The node itself is not async, only its check.
 */
public final class TestAsyncLazyCheck implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAsyncLazyCheck")
            .displayName("Test Async Lazy Check").category(AsyncTests.CATEGORY)
            .required("input1", "*", "lazy", true)
            .required("input2", "*", "lazy", true)
            .required("condition", "BOOLEAN", "default", true)
            .output("IMAGE").build();

    static final long CHECK_DELAY_MILLIS = 50;

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public List<String> checkLazyStatus(NodeContext ctx, Inputs inputs) throws InterruptedException {
        Thread.sleep(CHECK_DELAY_MILLIS);
        boolean condition = PythonTruth.of(inputs.get("condition"));
        List<String> needed = new ArrayList<>(1);
        if (condition && inputs.get("input1") == null) needed.add("input1");
        if (!condition && inputs.get("input2") == null) needed.add("input2");
        return needed;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(Fill.white512());
    }
}
