package dev.easel.server;

/**
 * How the images a prompt saves and previews are written, as the command line set them for the node packs.
 *
 * @param disableMetadata {@code --disable-metadata}: saved files do not carry the prompt
 * @param previewMethod   {@code --preview-method} as ComfyUI names it ({@code none}, {@code auto}, {@code latent2rgb} or {@code taesd})
 * @param previewSize     {@code --preview-size}: the longest side of a sampler preview, in pixels
 */
public record ImageSettings(boolean disableMetadata, String previewMethod, int previewSize) {

    /** The prompt saved in files, no sampler previews, a preview size of 512. */
    public static ImageSettings defaults() {
        return new ImageSettings(false, "none", 512);
    }
}
