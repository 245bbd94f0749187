package dev.easel.models.detect;

import dev.easel.diffusion.latent.LatentFormat;

/** The single-file checkpoint types Easel recognises, with ComfyUI's class names. */
public enum CheckpointKind {
    SD15("SD15", LatentFormat.SD15),
    SD20("SD20", LatentFormat.SD15),
    SDXL("SDXL", LatentFormat.SDXL),
    SDXL_REFINER("SDXLRefiner", LatentFormat.SDXL);

    private final String comfyName;
    private final LatentFormat latentFormat;

    CheckpointKind(String comfyName, LatentFormat latentFormat) {
        this.comfyName = comfyName;
        this.latentFormat = latentFormat;
    }

    /** The name of ComfyUI's model class for it ({@code comfy/supported_models.py}). */
    public String comfyName() {
        return comfyName;
    }

    public LatentFormat latentFormat() {
        return latentFormat;
    }
}
