package dev.easel.models.diffusers;

import dev.easel.models.Checkpoint;

/** A loaded diffusers ONNX folder: its family and parts. Closing it closes every session. */
public record DiffusersModel(ModelFamily family, OnnxUnet unet, OnnxClip clip, OnnxVae vae) implements AutoCloseable {

    public Checkpoint checkpoint() {
        return new Checkpoint(unet, clip, vae);
    }

    @Override
    public void close() {
        unet.close();
        clip.close();
        vae.close();
    }
}
