package dev.easel.testingnodes.stubs;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeSchema;

/** The height, width and batch inputs every stub image and mask declares, with ComfyUI's bounds. */
record StubShape(int batch, int height, int width) {

    static final String CATEGORY = "Testing/Stub Nodes";

    static NodeSchema.Builder declare(NodeSchema.Builder schema) {
        return schema
                .required("height", "INT", "default", 512, "min", 1, "max", 1024L * 1024 * 1024, "step", 1)
                .required("width", "INT", "default", 512, "min", 1, "max", 4096L * 4096 * 4096, "step", 1)
                .required("batch_size", "INT", "default", 1, "min", 1, "max", 1024L * 1024 * 1024, "step", 1);
    }

    static StubShape of(Inputs inputs) {
        return new StubShape(inputs.getInt("batch_size"), inputs.getInt("height"), inputs.getInt("width"));
    }
}
