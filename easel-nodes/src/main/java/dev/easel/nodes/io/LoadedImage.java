package dev.easel.nodes.io;

import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.DecodedImage;
import dev.easel.tensor.image.ImageDecoding;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image file as LoadImage outputs it: IMAGE {@code [1,H,W,3]} and MASK = 1 - alpha
 * ({@code [1,H,W]}), or an all-zero {@code [1,64,64]} mask when the file has no alpha.
 */
record LoadedImage(Tensor image, Tensor mask) {

    /** Refuses, before decoding, a file whose header declares more than {@code maxPixels}. */
    static LoadedImage read(Path file, String name, long maxPixels) throws IOException {
        DecodedImage decoded;
        try {
            decoded = ImageDecoding.decode(file, maxPixels);
        } catch (IOException e) {
            throw new IOException("Cannot read image file " + name + ": " + e.getMessage(), e);
        }
        Tensor mask = decoded.alpha().map(a -> a.map(v -> 1.0 - v)).orElseGet(() -> Tensor.zeros(1, 64, 64));
        return new LoadedImage(decoded.image(), mask);
    }
}
