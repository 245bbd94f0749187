package dev.easel.nodes.io;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.tensor.Tensor;

import java.util.List;

/**
 * Loads one channel of an image file as a MASK. "alpha" gives the same mask as LoadImage
 * (1 - alpha, or zeros 64x64 without alpha); a colour channel gives its values.
 */
public final class LoadImageMask extends ImageFileNode {
    private static final List<String> CHANNELS = List.of("alpha", "red", "green", "blue");

    private final NodeSchema schema;

    public LoadImageMask(PackEnvironment env) {
        super(env);
        this.schema = NodeSchema.builder("LoadImageMask")
                .displayName("Load Image (as Mask)")
                .category("image")
                .essentialsCategory("Image Tools")
                .searchAliases("import mask", "alpha mask", "channel mask")
                .requiredFileCombo("image", ImageFolders::inputImages, "image_upload", true)
                .requiredCombo("channel", CHANNELS)
                .output("MASK")
                .build();
    }

    @Override
    public NodeSchema schema() {
        return schema;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws Exception {
        String channel = inputs.getString("channel");
        LoadedImage loaded = load(ctx, inputs);
        int index = CHANNELS.indexOf(channel);
        if (index < 0) throw new IllegalArgumentException("unknown channel '" + channel + "', expected one of " + CHANNELS);
        if (index == 0) return NodeResult.of(loaded.mask());
        return NodeResult.of(channel(loaded.image(), index - 1));
    }

    private static Tensor channel(Tensor image, int c) {
        int b = image.dim(0), h = image.dim(1), w = image.dim(2), channels = image.dim(3);
        float[] src = image.data();
        float[] out = new float[b * h * w];
        for (int i = 0; i < out.length; i++) out[i] = src[i * channels + c];
        return Tensor.of(out, b, h, w);
    }
}
