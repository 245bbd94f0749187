package dev.easel.testingnodes.specific;

import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestVariadicAverageTest {
    private final TestVariadicAverage node = new TestVariadicAverage();
    private final FakeNodeContext ctx = new FakeNodeContext();

    @Test
    void declaresOnlyTheFirstInput() {
        assertThat(node.schema().inputs()).extracting(i -> i.name()).containsExactly("input1");
    }

    @Test
    void averagesConsecutiveInputsAndStopsAtTheFirstGap() throws Exception {
        Tensor result = (Tensor) node.execute(ctx, inputs(
                "input1", Tensor.zeros(1, 1, 1, 3), "input2", Tensor.ones(1, 1, 1, 3),
                "input4", Tensor.full(100f, 1, 1, 1, 3))).outputs().getFirst();
        assertThat(result.allEqual(0.5f)).isTrue();
    }

    @Test
    void meanOfBlackWhiteWhiteSavesAs170() throws Exception {
        Tensor result = (Tensor) node.execute(ctx, inputs(
                "input1", Tensor.zeros(1, 1, 1, 3), "input2", Tensor.ones(1, 1, 1, 3),
                "input3", Tensor.ones(1, 1, 1, 3))).outputs().getFirst();
        assertThat(result.get(0, 0, 0, 0)).isEqualTo(2f / 3f);
        assertThat((int) (result.get(0, 0, 0, 0) * 255f)).isEqualTo(170);
    }

    @Test
    void aSingleInputIsItsOwnMean() throws Exception {
        Tensor only = Tensor.full(0.2f, 1, 2, 2, 3);
        Tensor result = (Tensor) node.execute(ctx, inputs("input1", only)).outputs().getFirst();
        assertThat(result.allEqual(0.2f)).isTrue();
    }

    @Test
    void differentShapesFail() {
        assertThatThrownBy(() -> node.execute(ctx, inputs(
                "input1", Tensor.zeros(1, 2, 2, 3), "input2", Tensor.zeros(1, 3, 3, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equal size");
    }
}
