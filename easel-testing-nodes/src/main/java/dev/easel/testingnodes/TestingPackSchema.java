package dev.easel.testingnodes;

import dev.easel.engine.node.NodeSchema;

/** Where every schema of the pack starts: ComfyUI lists these nodes as a custom node pack's. */
public final class TestingPackSchema {
    private TestingPackSchema() {}

    /** The {@code python_module} ComfyUI reports for nodes loaded from its testing pack folder. */
    public static final String PYTHON_MODULE = "custom_nodes.testing-pack";

    public static NodeSchema.Builder builder(String classType) {
        return NodeSchema.builder(classType).pythonModule(PYTHON_MODULE);
    }
}
