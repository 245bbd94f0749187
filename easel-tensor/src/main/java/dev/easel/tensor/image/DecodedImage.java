package dev.easel.tensor.image;

import dev.easel.tensor.Tensor;

import java.util.Optional;

/**
 * A decoded image file: {@code image} is {@code [1,H,W,3]} (colour only), {@code alpha}
 * {@code [1,H,W]} with 1 = opaque, present only when the file has an alpha channel.
 */
public record DecodedImage(Tensor image, Optional<Tensor> alpha) {

    public int width() {
        return image.dim(2);
    }

    public int height() {
        return image.dim(1);
    }
}
