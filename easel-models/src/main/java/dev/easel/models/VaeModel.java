package dev.easel.models;

import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.tensor.Tensor;

/** ComfyUI's VAE value. Latents are {@code [B, C, h, w]} in the VAE's own space; images {@code [B, H, W, 3]} in 0..1. */
public interface VaeModel {

    LatentFormat latentFormat();

    /** Image pixels per latent pixel (8 for SD). */
    int downscale();

    /** Latents to images, clamped to 0..1. */
    Tensor decode(Tensor latent);

    /** Images (their width and height multiples of {@link #downscale}) to latents. */
    Tensor encode(Tensor image);
}
