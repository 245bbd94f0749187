package dev.easel.diffusion.cond;

/**
 * A rectangle of the latent in latent pixels (image pixels / 8), as ComfyUI's
 * {@code ConditioningSetArea} stores it: height, width, then the top-left corner.
 */
public record Area(int height, int width, int y, int x) {
}
