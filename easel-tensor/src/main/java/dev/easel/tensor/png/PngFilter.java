package dev.easel.tensor.png;

/**
 * The row filter applied to every scanline. One fixed filter keeps encoding a single tight
 * loop per row; adaptive choice per row (as libpng does) costs a pass per candidate.
 */
public enum PngFilter {
    /** Raw bytes: fastest, largest. */
    NONE(0),
    /** Difference to the pixel on the left: cheap and good on smooth images. */
    SUB(1),
    /** Difference to the pixel above. */
    UP(2);

    private final int code;

    PngFilter(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** Writes the filter byte and the filtered row {@code y} at {@code out[pos]}. */
    void apply(byte[] src, int y, int rowBytes, int bpp, byte[] out, int pos) {
        out[pos++] = (byte) code;
        int row = y * rowBytes;
        switch (this) {
            case NONE -> System.arraycopy(src, row, out, pos, rowBytes);
            case SUB -> {
                System.arraycopy(src, row, out, pos, bpp);
                for (int i = bpp; i < rowBytes; i++) {
                    out[pos + i] = (byte) (src[row + i] - src[row + i - bpp]);
                }
            }
            case UP -> {
                if (y == 0) {
                    System.arraycopy(src, row, out, pos, rowBytes);
                } else {
                    int prev = row - rowBytes;
                    for (int i = 0; i < rowBytes; i++) out[pos + i] = (byte) (src[row + i] - src[prev + i]);
                }
            }
        }
    }
}
