package dev.easel.nodes.io;

import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.PackEnvironment;

import java.util.Optional;
import java.util.Set;

/** Loads an image from the input folder (or an annotated output/temp file) as IMAGE and MASK. */
public final class LoadImage implements NodeDefinition {
    private final ImageFolders folders;
    private final NodeSchema schema;

    public LoadImage(PackEnvironment env) {
        this.folders = new ImageFolders(env);
        this.schema = NodeSchema.builder("LoadImage")
                .displayName("Load Image")
                .category("image")
                .essentialsCategory("Basics")
                .searchAliases("load image", "open image", "import image", "image input", "upload image", "read image",
                        "image loader")
                .requiredCombo("image", folders::inputImages, "image_upload", true)
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
        String name = inputs.getString("image");
        LoadedImage loaded = LoadedImage.read(folders.require(name), name);
        return NodeResult.of(loaded.image(), loaded.mask());
    }

    /** The file's SHA-256, so replacing the file re-runs the node. */
    @Override
    public Object fingerprint(Inputs constants) throws Exception {
        Object name = constants.get("image");
        return name == null ? Double.NaN : ImageFolders.sha256(folders.require(name.toString()));
    }

    @Override
    public boolean hasFingerprint() {
        return true;
    }

    @Override
    public Optional<CustomValidation> customValidation() {
        return Optional.of(imageExists(folders));
    }

    static CustomValidation imageExists(ImageFolders folders) {
        return new CustomValidation(Set.of("image"), false, false, (values, types) -> {
            Object name = values.get("image");
            if (name == null) return Optional.empty(); // a linked value is checked when it arrives
            return folders.exists(name.toString()) ? Optional.empty() : Optional.of("Invalid image file: " + name);
        });
    }
}
