package dev.easel.testingnodes.specific;

import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {

    @Test
    void customIsChangedIsNanWhenAskedToChange() throws Exception {
        TestCustomIsChanged node = new TestCustomIsChanged();
        assertThat(node.hasFingerprint()).isTrue();
        assertThat(node.fingerprint(inputs("image", null, "should_change", true))).isEqualTo(Double.NaN);
        assertThat(node.fingerprint(inputs("image", null, "should_change", false))).isEqualTo(false);
        assertThat(node.fingerprint(inputs("image", null))).isEqualTo(false);
    }

    @Test
    void shouldChangeIsDeclaredAsBoolNotBoolean() {
        var spec = new TestCustomIsChanged().schema().input("should_change").orElseThrow();
        assertThat(spec.type()).isEqualTo("BOOL");
        assertThat(spec.section().wireName()).isEqualTo("optional");
        assertThat(spec.options()).containsEntry("default", false);
    }

    @Test
    void customIsChangedPassesTheImageThrough() throws Exception {
        Tensor image = Tensor.ones(1, 1, 1, 3);
        assertThat(new TestCustomIsChanged().execute(new FakeNodeContext(), inputs("image", image)).outputs())
                .containsExactly(image);
    }

    @Test
    void isChangedWithConstantsIsTheValueWhileTheImageIsLinked() throws Exception {
        TestIsChangedWithConstants node = new TestIsChangedWithConstants();
        assertThat(node.hasFingerprint()).isTrue();
        assertThat(node.fingerprint(inputs("image", null, "value", 2.5))).isEqualTo(2.5);
    }

    @Test
    void isChangedWithConstantsScalesTheMeanOfAKnownImage() throws Exception {
        TestIsChangedWithConstants node = new TestIsChangedWithConstants();
        assertThat(node.fingerprint(inputs("image", Tensor.full(0.5f, 1, 1, 1, 3), "value", 3.0))).isEqualTo(1.5);
    }

    @Test
    void isChangedWithConstantsMultipliesTheImage() throws Exception {
        Tensor result = (Tensor) new TestIsChangedWithConstants().execute(new FakeNodeContext(),
                inputs("image", Tensor.full(0.25f, 1, 1, 1, 3), "value", 2.0)).outputs().getFirst();
        assertThat(result.allEqual(0.5f)).isTrue();
    }

    @Test
    void outputNodeWithSocketOutputScalesItsImage() throws Exception {
        TestOutputNodeWithSocketOutput node = new TestOutputNodeWithSocketOutput();
        assertThat(node.schema().outputNode()).isTrue();
        assertThat(node.schema().category()).isEqualTo("_for_testing");
        Tensor result = (Tensor) node.execute(new FakeNodeContext(),
                inputs("image", Tensor.ones(1, 1, 1, 3), "value", 0.5)).outputs().getFirst();
        assertThat(result.allEqual(0.5f)).isTrue();
    }
}
