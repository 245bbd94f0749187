package dev.easel.testingnodes.async;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.RuntimeError;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds a named resource while it sleeps and fails if another execution holds it already. The
 * set of held names is process-wide, like the class attribute it mirrors.
 */
public final class TestAsyncResourceUser implements NodeDefinition {
    private static final Set<String> IN_USE = ConcurrentHashMap.newKeySet();

    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAsyncResourceUser")
            .displayName("Test Async Resource User").category(AsyncTests.CATEGORY).async()
            .required("value", "*")
            .required("resource_id", "STRING", "default", "resource_0")
            .required("duration", "FLOAT", "default", 0.1, "min", 0.0, "max", 1.0)
            .output("*").build();

    static boolean inUse(String resource) {
        return IN_USE.contains(resource);
    }

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws InterruptedException {
        String resource = inputs.getString("resource_id");
        if (!IN_USE.add(resource)) {
            throw new RuntimeError("Resource " + resource + " is already in use!");
        }
        try {
            Pause.seconds(ctx, inputs.getDouble("duration"));
            return NodeResult.of(inputs.get("value"));
        } finally {
            IN_USE.remove(resource);
        }
    }
}
