package dev.easel.nodes.latent;

import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.ImageGeometry;

/**
 * What a VAE does to images before encoding (ComfyUI's {@code vae_encode_crop_pixels}): height
 * and width cut down to multiples of its downscale factor, keeping the centre (the odd pixel,
 * if any, is dropped from the end).
 */
final class PixelCrop {
    private PixelCrop() {
    }

    /** The rectangle kept of an {@code height x width} image: offsets first, then the kept size. */
    record Kept(int top, int left, int height, int width) {
        static Kept of(int height, int width, int multiple) {
            return new Kept((height % multiple) / 2, (width % multiple) / 2,
                    height / multiple * multiple, width / multiple * multiple);
        }

        boolean cuts(int height, int width) {
            return this.height != height || this.width != width;
        }

        /** The same rectangle of a {@code [B, H, W, C]} image or {@code [B, H, W]} mask. */
        Tensor of(Tensor t) {
            return ImageGeometry.crop(t, left, top, width, height);
        }
    }

    static Tensor toMultiple(Tensor image, int multiple) {
        Kept kept = Kept.of(image.dim(1), image.dim(2), multiple);
        return kept.cuts(image.dim(1), image.dim(2)) ? kept.of(image) : image;
    }
}
