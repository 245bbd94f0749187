package dev.easel.tensor.image;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageTensorsTest {

    @Test
    void floatToByteTruncatesLikeNumpyUint8Cast() {
        assertThat(ImageTensors.toByte(0.25f)).isEqualTo(63);
        assertThat(ImageTensors.toByte(0.5f)).isEqualTo(127);
        assertThat(ImageTensors.toByte(0.3f)).isEqualTo(76);
        assertThat(ImageTensors.toByte(0.1f)).isEqualTo(25);
        assertThat(ImageTensors.toByte(0.6666667f)).isEqualTo(170);
        assertThat(ImageTensors.toByte(1f)).isEqualTo(255);
        assertThat(ImageTensors.toByte(0f)).isEqualTo(0);
    }

    @Test
    void floatToByteClipsOutOfRangeAndNaN() {
        assertThat(ImageTensors.toByte(-0.5f)).isEqualTo(0);
        assertThat(ImageTensors.toByte(3f)).isEqualTo(255);
        assertThat(ImageTensors.toByte(Float.NaN)).isEqualTo(0);
    }

    @Test
    void byteToFloatDividesBy255InFloat32() {
        assertThat(ImageTensors.fromByte(127)).isEqualTo(127 / 255f);
        assertThat(ImageTensors.fromByte((byte) 200)).isEqualTo(200 / 255f);
    }

    @Test
    void toPixelsTakesOneBatchItemInterleaved() {
        float[] data = {
                0f, 0.5f, 1f, 0.25f, 0.25f, 0.25f,   // item 0: two pixels
                1f, 1f, 1f, 0f, 0f, 0f};             // item 1
        Tensor image = Tensor.of(data, 2, 1, 2, 3);
        Pixels8 second = ImageTensors.toPixels(image, 1);
        assertThat(second.width()).isEqualTo(2);
        assertThat(second.height()).isEqualTo(1);
        assertThat(second.channels()).isEqualTo(3);
        assertThat(second.data()).containsExactly(-1, -1, -1, 0, 0, 0);
        Pixels8 first = ImageTensors.toPixels(image, 0);
        assertThat(first.sample(0, 0, 1)).isEqualTo(127);
        assertThat(first.sample(1, 0, 2)).isEqualTo(63);
    }

    @Test
    void masksConvertToOneChannel() {
        Pixels8 p = ImageTensors.toPixels(Tensor.of(new float[] {1f, 0f, 0.5f, 0.1f}, 1, 2, 2), 0);
        assertThat(p.channels()).isEqualTo(1);
        assertThat(p.sample(0, 1, 0)).isEqualTo(127);
        assertThat(p.sample(1, 1, 0)).isEqualTo(25);
    }

    @Test
    void fromPixelsMakesOneImageBatch() {
        Pixels8 p = new Pixels8(1, 2, 4, new byte[] {0, (byte) 255, 51, (byte) 128, 1, 2, 3, 4});
        Tensor t = ImageTensors.fromPixels(p);
        assertThat(t.shape()).containsExactly(1, 2, 1, 4);
        assertThat(t.get(0, 0, 0, 1)).isEqualTo(1f);
        assertThat(t.get(0, 0, 0, 2)).isEqualTo(0.2f);
        assertThat(t.get(0, 0, 0, 3)).isEqualTo(128 / 255f);
        assertThat(t.get(0, 1, 0, 3)).isEqualTo(4 / 255f);
    }

    @Test
    void rejectsBadIndexAndShapes() {
        assertThatThrownBy(() -> ImageTensors.toPixels(Tensor.zeros(1, 2, 2, 3), 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ImageTensors.toPixels(Tensor.zeros(1, 2, 2, 5), 0))
                .hasMessageContaining("5 channels");
        assertThatThrownBy(() -> ImageTensors.requireImage(Tensor.zeros(2, 2)))
                .hasMessageContaining("IMAGE tensor");
    }
}
