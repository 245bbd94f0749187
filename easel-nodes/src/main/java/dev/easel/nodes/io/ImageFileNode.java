package dev.easel.nodes.io;

import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.PackEnvironment;

import java.util.Optional;
import java.util.Set;

/**
 * The nodes that read an {@code image} file named from the input folder: they validate that the
 * file exists and fingerprint it by content, so replacing the file re-runs them.
 */
abstract sealed class ImageFileNode implements NodeDefinition permits LoadImage, LoadImageMask {
    final ImageFolders folders;
    private final long maxPixels;

    ImageFileNode(PackEnvironment env) {
        this.folders = new ImageFolders(env);
        this.maxPixels = env.limits().maxImagePixels();
    }

    /** Reads the file the {@code image} input names. */
    final LoadedImage load(Inputs inputs) throws Exception {
        String name = inputs.getString("image");
        return LoadedImage.read(folders.require(name), name, maxPixels);
    }

    /** The file's SHA-256. */
    @Override
    public final Object fingerprint(Inputs constants) throws Exception {
        Object name = constants.get("image");
        return name == null ? Double.NaN : ImageFolders.sha256(folders.require(name.toString()));
    }

    @Override
    public final boolean hasFingerprint() {
        return true;
    }

    @Override
    public final Optional<CustomValidation> customValidation() {
        return Optional.of(new CustomValidation(Set.of("image"), false, false, (values, types) -> {
            Object name = values.get("image");
            if (name == null) return Optional.empty(); // a linked value is checked when it arrives
            return folders.exists(name.toString()) ? Optional.empty() : Optional.of("Invalid image file: " + name);
        }));
    }
}
