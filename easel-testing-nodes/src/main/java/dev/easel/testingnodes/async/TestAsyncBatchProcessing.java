package dev.easel.testingnodes.async;

import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.TestingPackSchema;

/** Inverts a batch one image at a time, waiting per image and stepping a progress bar. */
public final class TestAsyncBatchProcessing implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestAsyncBatchProcessing")
            .displayName("Test Async Batch Processing").category(AsyncTests.CATEGORY).async()
            .required("images", "IMAGE")
            .required("process_time_per_item", "FLOAT", "default", 0.1, "min", 0.01, "max", 1.0)
            .hidden("unique_id", HiddenInput.UNIQUE_ID)
            .output("IMAGE").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws InterruptedException {
        Tensor images = inputs.get("images", Tensor.class);
        int batch = images.dim(0);
        Tensor[] processed = new Tensor[batch];
        for (int i = 0; i < batch; i++) {
            Pause.seconds(ctx, inputs.getDouble("process_time_per_item"));
            processed[i] = Tensor.ones(1).sub(images.slice0(i, i + 1));
            ctx.progress(i + 1, batch);
        }
        return NodeResult.of(Tensor.cat0(processed));
    }
}
