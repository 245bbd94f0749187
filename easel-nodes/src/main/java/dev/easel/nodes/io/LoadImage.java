package dev.easel.nodes.io;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.PackEnvironment;

/** Loads an image from the input folder (or an annotated output/temp file) as IMAGE and MASK. */
public final class LoadImage extends ImageFileNode {
    private final NodeSchema schema;

    public LoadImage(PackEnvironment env) {
        super(env);
        this.schema = NodeSchema.builder("LoadImage")
                .displayName("Load Image")
                .category("image")
                .essentialsCategory("Basics")
                .searchAliases("load image", "open image", "import image", "image input", "upload image", "read image",
                        "image loader")
                .requiredFileCombo("image", ImageFolders::inputImages, "image_upload", true)
                .output("IMAGE")
                .output("MASK")
                .build();
    }

    @Override
    public NodeSchema schema() {
        return schema;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws Exception {
        LoadedImage loaded = load(ctx, inputs);
        return NodeResult.of(loaded.image(), loaded.mask());
    }
}
