package dev.easel.models.library;

import dev.easel.models.diffusers.DiffusersLayout;
import dev.easel.models.diffusers.DiffusersLoader;
import dev.easel.models.diffusers.DiffusersModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Diffusers/Optimum ONNX exports: a folder with a {@code unet/model.onnx}, listed by its folder name. */
public final class DiffusersOnnxFormat implements CheckpointFormat {
    private final DiffusersLoader loader;

    public DiffusersOnnxFormat(DiffusersLoader loader) {
        this.loader = loader;
    }

    @Override
    public String id() {
        return "diffusers-onnx";
    }

    @Override
    public boolean recognises(Path entry) {
        return Files.isDirectory(entry) && DiffusersLayout.looksLikeOne(entry);
    }

    @Override
    public LoadedCheckpoint load(Path entry) throws IOException {
        DiffusersModel model = loader.load(entry);
        return new LoadedCheckpoint(model.checkpoint(), model);
    }
}
