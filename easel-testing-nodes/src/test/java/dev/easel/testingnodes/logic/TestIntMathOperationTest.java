package dev.easel.testingnodes.logic;

import dev.easel.testingnodes.FakeNodeContext;
import dev.easel.testingnodes.python.PythonInts;
import org.junit.jupiter.api.Test;

import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestIntMathOperationTest {
    private final TestIntMathOperation node = new TestIntMathOperation();

    private Object run(Object a, String operation, Object b) throws Exception {
        return node.execute(new FakeNodeContext(), inputs("a", a, "b", b, "operation", operation)).outputs().getFirst();
    }

    @Test
    void basicArithmetic() throws Exception {
        assertThat(run(3L, "add", 4L)).isEqualTo(7L);
        assertThat(run(3L, "subtract", 1L)).isEqualTo(2L);
        assertThat(run(-3L, "multiply", 4L)).isEqualTo(-12L);
    }

    @Test
    void divisionFloorsTowardsNegativeInfinity() throws Exception {
        assertThat(run(7L, "divide", 2L)).isEqualTo(3L);
        assertThat(run(-7L, "divide", 2L)).isEqualTo(-4L);
        assertThat(run(7L, "divide", -2L)).isEqualTo(-4L);
    }

    @Test
    void moduloTakesTheSignOfTheDivisor() throws Exception {
        assertThat(run(-7L, "modulo", 3L)).isEqualTo(2L);
        assertThat(run(7L, "modulo", -3L)).isEqualTo(-2L);
        assertThat(run(7L, "modulo", 3L)).isEqualTo(1L);
    }

    @Test
    void powerIsExactAndNegativeExponentsGiveFloats() throws Exception {
        assertThat(run(2L, "power", 10L)).isEqualTo(1024L);
        assertThat(run(-3L, "power", 3L)).isEqualTo(-27L);
        assertThat(run(5L, "power", 0L)).isEqualTo(1L);
        assertThat(run(2L, "power", -2L)).isEqualTo(0.25);
    }

    @Test
    void overflowFailsInsteadOfWrapping() {
        assertThatThrownBy(() -> run(2L, "power", 64L)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("64 bits");
        assertThatThrownBy(() -> run(Long.MAX_VALUE, "add", 1L)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> run(PythonInts.U64_MAX, "add", 1L)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> run(Long.MIN_VALUE, "divide", -1L)).hasMessageContaining("64 bits");
    }

    @Test
    void divisionByZeroFails() {
        assertThatThrownBy(() -> run(1L, "divide", 0L)).hasMessageContaining("by zero");
        assertThatThrownBy(() -> run(1L, "modulo", 0L)).hasMessageContaining("by zero");
        assertThatThrownBy(() -> run(0L, "power", -1L)).hasMessageContaining("negative power");
    }

    @Test
    void schemaDeclaresUnsigned64BitBoundsAndTheOperations() {
        var a = node.schema().input("a").orElseThrow();
        assertThat(a.options()).containsEntry("max", PythonInts.U64_MAX).containsEntry("min", PythonInts.U64_MIN)
                .containsEntry("default", 0L);
        assertThat(node.schema().input("operation").orElseThrow().choiceList())
                .containsExactly("add", "subtract", "multiply", "divide", "modulo", "power");
        assertThat(node.schema().category()).isEqualTo("Testing/Logic");
        assertThat(node.schema().displayName()).isEqualTo("Int Math Operation");
    }
}
