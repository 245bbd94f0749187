package dev.easel.testingnodes.specific;

import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;

class CustomValidationTest {
    private final FakeNodeContext ctx = new FakeNodeContext();

    private static Optional<String> validate(NodeDefinition node, Map<String, String> types, Object... pairs) throws Exception {
        return node.customValidation().orElseThrow().check().validate(inputs(pairs), types, FakeNodeContext.FILES);
    }

    @Test
    void firstRejectsAnIntLiteralAndAcceptsAFloat() throws Exception {
        NodeDefinition node = new TestCustomValidation1();
        assertThat(validate(node, Map.of(), "input1", 5L, "input2", 3.0))
                .contains("Invalid type of input1: <class 'int'>");
        assertThat(validate(node, Map.of(), "input1", 5.0, "input2", 3.0)).isEmpty();
        assertThat(validate(node, Map.of(), "input1", null, "input2", "x"))
                .contains("Invalid type of input2: <class 'str'>");
        assertThat(validate(node, Map.of(), "input1", Tensor.ones(1), "input2", null)).isEmpty();
    }

    @Test
    void firstTakesBothInputsButNotTheirTypes() {
        CustomValidation validation = new TestCustomValidation1().customValidation().orElseThrow();
        assertThat(validation.inputs()).containsExactlyInAnyOrder("input1", "input2");
        assertThat(validation.wantsInputTypes()).isFalse();
        assertThat(validation.allInputs()).isFalse();
        assertThat(new TestCustomValidation1().schema().input("input1").orElseThrow().type()).isEqualTo("IMAGE,FLOAT");
    }

    @Test
    void secondChecksReceivedLinkTypesExactly() throws Exception {
        NodeDefinition node = new TestCustomValidation2();
        assertThat(node.customValidation().orElseThrow().wantsInputTypes()).isTrue();
        assertThat(validate(node, Map.of("input1", "FLOAT"), "input1", null, "input2", 3.0)).isEmpty();
        assertThat(validate(node, Map.of("input1", "IMAGE"), "input1", null, "input2", 3.0)).isEmpty();
        assertThat(validate(node, Map.of("input1", "INT"), "input1", null, "input2", 3.0))
                .contains("Invalid type of input1: INT");
        assertThat(validate(node, Map.of("input2", "IMAGE,FLOAT"), "input1", 1.0, "input2", null))
                .contains("Invalid type of input2: IMAGE,FLOAT");
        assertThat(validate(node, Map.of(), "input1", 5L, "input2", 3.0)).contains("Invalid type of input1: <class 'int'>");
    }

    @Test
    void thirdLeavesTypeMatchingToTheEngine() {
        NodeDefinition node = new TestCustomValidation3();
        assertThat(node.customValidation()).isEmpty();
        assertThat(node.schema().input("input2").orElseThrow().type()).isEqualTo("IMAGE,FLOAT");
    }

    @Test
    void fourthRequiresFloatsAndKeepsTheBuiltInLinkCheck() throws Exception {
        NodeDefinition node = new TestCustomValidation4();
        CustomValidation validation = node.customValidation().orElseThrow();
        assertThat(validation.wantsInputTypes()).isFalse();
        assertThat(validation.inputs()).containsExactlyInAnyOrder("input1", "input2");
        assertThat(validate(node, Map.of(), "input1", 5L, "input2", 3.0)).contains("Invalid type of input1: <class 'int'>");
        assertThat(validate(node, Map.of(), "input1", null, "input2", 3.0)).isEmpty();
    }

    @Test
    void fifthTakesEveryInputSoBoundsAreNotCheckedAndOnlySevenFails() throws Exception {
        NodeDefinition node = new TestCustomValidation5();
        CustomValidation validation = node.customValidation().orElseThrow();
        assertThat(validation.allInputs()).isTrue();
        assertThat(validation.takes("input1")).isTrue();
        assertThat(node.schema().input("input1").orElseThrow().options()).containsEntry("min", 0.0).containsEntry("max", 1.0);
        assertThat(validate(node, Map.of(), "input1", 5.0, "input2", 1.0)).isEmpty();
        assertThat(validate(node, Map.of(), "input1", 1.0, "input2", 7.0)).contains("7s are not allowed. I've never liked 7s.");
        assertThat(validate(node, Map.of(), "input1", 1.0, "input2", null)).isEmpty();
    }

    @Test
    void twoFloatsMakeAnImageOfTheirProduct() throws Exception {
        Tensor result = (Tensor) new TestCustomValidation1().execute(ctx, inputs("input1", 0.5, "input2", 0.5))
                .outputs().getFirst();
        assertThat(result.shape()).containsExactly(1, 512, 512, 3);
        assertThat(result.allEqual(0.25f)).isTrue();
    }

    @Test
    void anImageTimesAFloatIsScaledAndTwoImagesMultiply() throws Exception {
        Tensor image = Tensor.full(0.5f, 1, 2, 2, 3);
        Tensor scaled = (Tensor) new TestCustomValidation2().execute(ctx, inputs("input1", image, "input2", 0.5))
                .outputs().getFirst();
        Tensor product = (Tensor) new TestCustomValidation3().execute(ctx, inputs("input1", image, "input2", image))
                .outputs().getFirst();
        assertThat(scaled.shape()).containsExactly(1, 2, 2, 3);
        assertThat(scaled.allEqual(0.25f)).isTrue();
        assertThat(product.allEqual(0.25f)).isTrue();
    }

    @Test
    void fourthAndFifthMultiplyTheirFloats() throws Exception {
        Tensor four = (Tensor) new TestCustomValidation4().execute(ctx, inputs("input1", 0.5, "input2", 0.2))
                .outputs().getFirst();
        Tensor five = (Tensor) new TestCustomValidation5().execute(ctx, inputs("input1", 5.0, "input2", 0.1))
                .outputs().getFirst();
        assertThat(four.allEqual(0.5f * 0.2f)).isTrue();
        assertThat(five.allEqual((float) (5.0 * 0.1))).isTrue();
    }
}
