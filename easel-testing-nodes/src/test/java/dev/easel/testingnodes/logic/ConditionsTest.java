package dev.easel.testingnodes.logic;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionsTest {
    private final FakeNodeContext ctx = new FakeNodeContext();

    private Object run(NodeDefinition node, Object... pairs) throws Exception {
        return node.execute(ctx, inputs(pairs)).outputs().getFirst();
    }

    @Test
    void intConditions() throws Exception {
        NodeDefinition node = new TestIntConditions();
        assertThat(run(node, "a", 1L, "b", 2L, "operation", "<")).isEqualTo(true);
        assertThat(run(node, "a", 2L, "b", 2L, "operation", "<=")).isEqualTo(true);
        assertThat(run(node, "a", 2L, "b", 2L, "operation", "!=")).isEqualTo(false);
        assertThat(run(node, "a", BigInteger.TWO.pow(64), "b", Long.MAX_VALUE, "operation", ">")).isEqualTo(true);
        assertThat(node.schema().input("operation").orElseThrow().choiceList())
                .containsExactly("==", "!=", "<", ">", "<=", ">=");
    }

    @Test
    void floatConditionsTreatNanAsUnordered() throws Exception {
        NodeDefinition node = new TestFloatConditions();
        assertThat(run(node, "a", 0.5, "b", 0.25, "operation", ">=")).isEqualTo(true);
        assertThat(run(node, "a", Double.NaN, "b", Double.NaN, "operation", "==")).isEqualTo(false);
        assertThat(run(node, "a", Double.NaN, "b", 1.0, "operation", "!=")).isEqualTo(true);
        assertThat(node.schema().input("a").orElseThrow().options()).containsEntry("max", 999999999999.0);
    }

    @Test
    void stringConditions() throws Exception {
        NodeDefinition node = new TestStringConditions();
        assertThat(run(node, "a", "cat", "b", "concatenate", "operation", "a IN b", "case_sensitive", true)).isEqualTo(true);
        assertThat(run(node, "a", "Hello", "b", "he", "operation", "a BEGINSWITH b", "case_sensitive", true)).isEqualTo(false);
        assertThat(run(node, "a", "Hello", "b", "he", "operation", "a BEGINSWITH b", "case_sensitive", false)).isEqualTo(true);
        assertThat(run(node, "a", "Hello", "b", "LLO", "operation", "a ENDSWITH b", "case_sensitive", false)).isEqualTo(true);
        assertThat(run(node, "a", "x", "b", "X", "operation", "a == b", "case_sensitive", true)).isEqualTo(false);
        assertThat(run(node, "a", "x", "b", "X", "operation", "a != b", "case_sensitive", false)).isEqualTo(false);
        assertThat(node.schema().input("operation").orElseThrow().choiceList()).containsExactly(
                "a == b", "a != b", "a IN b", "a MATCH REGEX(b)", "a BEGINSWITH b", "a ENDSWITH b");
        assertThat(node.schema().input("case_sensitive").orElseThrow().options()).containsEntry("default", true);
    }

    @Test
    void regexMatchIsAnchoredAtTheStartOnly() throws Exception {
        NodeDefinition node = new TestStringConditions();
        assertThat(run(node, "a", "abc123", "b", "[a-z]+", "operation", "a MATCH REGEX(b)", "case_sensitive", true)).isEqualTo(true);
        assertThat(run(node, "a", "123abc", "b", "[a-z]+", "operation", "a MATCH REGEX(b)", "case_sensitive", true)).isEqualTo(false);
        assertThat(run(node, "a", "abc", "b", "(unclosed", "operation", "a MATCH REGEX(b)", "case_sensitive", true)).isEqualTo(false);
    }

    @Test
    void toBoolUsesTensorContentsAndPythonTruthiness() throws Exception {
        NodeDefinition node = new TestToBoolNode();
        assertThat(run(node, "value", Tensor.zeros(1, 2, 2, 3))).isEqualTo(false);
        assertThat(run(node, "value", Tensor.of(new float[] {0f, 0.1f}, 2))).isEqualTo(true);
        assertThat(run(node, "value", 0L)).isEqualTo(false);
        assertThat(run(node, "value", 2L)).isEqualTo(true);
        assertThat(run(node, "value", "")).isEqualTo(false);
        assertThat(run(node, "value", List.of(1L))).isEqualTo(true);
        assertThat(run(node, "value", null)).isEqualTo(false);
        assertThat(run(node, "value", 0L, "invert", true)).isEqualTo(true);
        assertThat(node.schema().input("invert").orElseThrow().section().wireName()).isEqualTo("optional");
    }

    @Test
    void boolOperations() throws Exception {
        NodeDefinition node = new TestBoolOperationNode();
        assertThat(run(node, "a", true, "b", false, "op", "a AND b")).isEqualTo(false);
        assertThat(run(node, "a", true, "b", false, "op", "a OR b")).isEqualTo(true);
        assertThat(run(node, "a", true, "b", true, "op", "a XOR b")).isEqualTo(false);
        assertThat(run(node, "a", false, "b", true, "op", "NOT a")).isEqualTo(true);
        assertThat(node.schema().input("op").orElseThrow().choiceList())
                .containsExactly("a AND b", "a OR b", "a XOR b", "NOT a");
    }
}
