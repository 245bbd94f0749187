package dev.easel.testingnodes.logic;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

import java.util.function.UnaryOperator;

/**
 * The number-condition nodes: {@code a <operation> b} to a BOOLEAN. Only the operands' type and
 * bounds differ; {@link Comparison} treats ints and floats alike.
 */
abstract sealed class ConditionNode implements NodeDefinition permits TestIntConditions, TestFloatConditions {
    private final NodeSchema schema;

    /** {@code operands} declares {@code a} and {@code b} on the builder it is given. */
    ConditionNode(String classType, String displayName,
                  UnaryOperator<NodeSchema.Builder> operands) {
        this.schema = operands.apply(TestingPackSchema.builder(classType)
                        .displayName(displayName).category(Logic.CATEGORY))
                .requiredCombo("operation", Logic.wireNames(Comparison.class, Comparison::symbol))
                .output("BOOLEAN").build();
    }

    @Override
    public final NodeSchema schema() {
        return schema;
    }

    @Override
    public final NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(Comparison.evaluate(inputs));
    }
}
