package dev.easel.tensor.image;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageGeometryTest {

    @Test
    void cropTakesTheRegionOfEveryItem() {
        float[] data = new float[2 * 3 * 3];
        for (int i = 0; i < data.length; i++) data[i] = i;
        Tensor out = ImageGeometry.crop(Tensor.of(data, 2, 3, 3), 1, 1, 2, 2);
        assertThat(out.shape()).containsExactly(2, 2, 2);
        assertThat(out.data()).containsExactly(4f, 5f, 7f, 8f, 13f, 14f, 16f, 17f);
    }

    @Test
    void cropOutsideIsAnError() {
        assertThatThrownBy(() -> ImageGeometry.crop(Tensor.zeros(1, 2, 2, 3), 1, 0, 2, 2))
                .hasMessage("crop 2x2 at (1,0) is outside 2x2");
    }

    @Test
    void padSurroundsWithTheFillValue() {
        Tensor out = ImageGeometry.pad(Tensor.ones(1, 1, 1, 2), 1, 0, 0, 1, 0.5f);
        assertThat(out.shape()).containsExactly(1, 2, 2, 2);
        assertThat(out.data()).containsExactly(0.5f, 0.5f, 1f, 1f, 0.5f, 0.5f, 0.5f, 0.5f);
    }
}
