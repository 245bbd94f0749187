package dev.easel.nodes.image;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/** Takes a list of image batches and returns a list of batches of {@code batch_size} images. */
public final class RebatchImages extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("RebatchImages")
            .v3()
            .displayName("Rebatch Images")
            .category("image/batch")
            .pythonModule("comfy_extras.nodes_rebatch")
            .inputIsList()
            .required("images", "IMAGE")
            // option keys in the order a schema-based ComfyUI node lists them: tooltip, advanced, default, bounds
            .required("batch_size", "INT", "tooltip", "Number of images or frames in each output batch.",
                    "default", 1, "min", 1, "max", 4096)
            // optional here (required in ComfyUI's newest schema) so prompts written for earlier
            // versions, which send only images and batch_size, keep validating
            .optional("overlap", "INT",
                    "tooltip", "Frames duplicated between output splits and reconciled between input batches.",
                    "advanced", true, "default", 0, "min", 0, "max", 4096)
            .optionalCombo("merge_overlap_mode", OverlapMode.wireNames(),
                    "tooltip", "How overlapping frames from consecutive input batches are merged.",
                    "advanced", true, "default", "truncate start", "multiselect", false)
            .listOutput("IMAGE", "IMAGE")
            .build();

    public RebatchImages() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        List<Tensor> images = new ArrayList<>();
        for (Object item : inputs.list("images")) {
            if (!(item instanceof Tensor t)) throw new IllegalArgumentException("images must be IMAGE tensors, got " + item);
            images.add(t);
        }
        int batchSize = first(inputs, "batch_size", 1).intValue();
        int overlap = first(inputs, "overlap", 0).intValue();
        List<Object> modes = inputs.list("merge_overlap_mode");
        OverlapMode mode = modes.isEmpty() ? OverlapMode.TRUNCATE_START : OverlapMode.fromWireName(modes.get(0).toString());
        List<Object> batches = new ArrayList<>(Rebatcher.rebatch(images, batchSize, overlap, mode));
        return NodeResult.of(batches);
    }

    private static Number first(Inputs inputs, String name, long fallback) {
        List<Object> values = inputs.list(name);
        return values.isEmpty() ? fallback : (Number) values.get(0);
    }
}
