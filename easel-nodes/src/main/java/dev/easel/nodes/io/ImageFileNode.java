package dev.easel.nodes.io;

import dev.easel.engine.files.FileSpace;
import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.PackEnvironment;

import java.util.Optional;
import java.util.Set;

/**
 * The nodes that read an {@code image} file named from the input folder of the job's files: they
 * validate that the file exists and fingerprint it by content, so replacing the file re-runs them.
 */
abstract sealed class ImageFileNode implements NodeDefinition permits LoadImage, LoadImageMask {
    private final long maxPixels;

    ImageFileNode(PackEnvironment env) {
        this.maxPixels = env.limits().maxImagePixels();
    }

    /** Reads the file the {@code image} input names. */
    final LoadedImage load(NodeContext ctx, Inputs inputs) throws Exception {
        String name = inputs.getString("image");
        return LoadedImage.read(ImageFolders.require(ctx.files(), name), name, maxPixels);
    }

    /** The SHA-256 of the file the job would load. */
    @Override
    public final Object fingerprint(Inputs constants, FileSpace files) throws Exception {
        Object name = constants.get("image");
        return name == null ? Double.NaN : ImageFolders.sha256(ImageFolders.require(files, name.toString()));
    }

    @Override
    public final boolean hasFingerprint() {
        return true;
    }

    @Override
    public final Optional<CustomValidation> customValidation() {
        return Optional.of(new CustomValidation(Set.of("image"), false, false, (values, types, files) -> {
            Object name = values.get("image");
            if (name == null) return Optional.empty(); // a linked value is checked when it arrives
            return ImageFolders.exists(files, name.toString()) ? Optional.empty() : Optional.of("Invalid image file: " + name);
        }));
    }
}
