package dev.easel.testingnodes.specific;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.TestingPackSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Blends two images by a mask, evaluating each image only when the mask can show it: a mask of
 * all zeros never needs {@code image2}, one of all ones never needs {@code image1}.
 */
public final class TestLazyMixImages implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestLazyMixImages")
            .displayName("Lazy Mix Images").category(SpecificTests.CATEGORY)
            .required("image1", "IMAGE", "lazy", true)
            .required("image2", "IMAGE", "lazy", true)
            .required("mask", "MASK")
            .output("IMAGE").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public List<String> checkLazyStatus(NodeContext ctx, Inputs inputs) {
        Tensor mask = inputs.get("mask", Tensor.class);
        List<String> needed = new ArrayList<>(2);
        if (inputs.get("image1") == null && !mask.allEqual(1f)) needed.add("image1");
        if (inputs.get("image2") == null && !mask.allEqual(0f)) needed.add("image2");
        return needed;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Tensor mask = inputs.get("mask", Tensor.class);
        if (mask.allEqual(0f)) return NodeResult.of(inputs.get("image1"));
        if (mask.allEqual(1f)) return NodeResult.of(inputs.get("image2"));
        Tensor image1 = inputs.get("image1", Tensor.class);
        Tensor image2 = inputs.get("image2", Tensor.class);
        Tensor weights = channelsLast(mask);
        Tensor mixed = image1.mul(Tensor.ones(1).sub(weights)).add(image2.mul(weights));
        return NodeResult.of(mixed);
    }

    /** {@code [H,W]} or {@code [B,H,W]} to {@code [B,H,W,1]}, which broadcasts over the channels. */
    private static Tensor channelsLast(Tensor mask) {
        int[] s = mask.shape();
        return switch (s.length) {
            case 2 -> mask.reshape(1, s[0], s[1], 1);
            case 3 -> mask.reshape(s[0], s[1], s[2], 1);
            default -> mask;
        };
    }
}
