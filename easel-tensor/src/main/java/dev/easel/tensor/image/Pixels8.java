package dev.easel.tensor.image;

/**
 * One 8-bit image, interleaved row-major ({@code RGBRGB...} or {@code RGBARGBA...}).
 * The array is owned by whoever created the record; encoders only read it.
 */
public record Pixels8(int width, int height, int channels, byte[] data) {

    public Pixels8 {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("unsupported channel count " + channels);
        }
        if ((long) width * height * channels != data.length) {
            throw new IllegalArgumentException("pixel data of length " + data.length + " does not fit "
                    + width + "x" + height + "x" + channels);
        }
    }

    public boolean hasAlpha() {
        return channels == 2 || channels == 4;
    }

    /** The unsigned value of one sample. */
    public int sample(int x, int y, int channel) {
        return data[(y * width + x) * channels + channel] & 0xFF;
    }
}
