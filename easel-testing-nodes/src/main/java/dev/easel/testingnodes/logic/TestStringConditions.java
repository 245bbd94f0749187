package dev.easel.testingnodes.logic;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonTruth;

import java.util.Locale;

/** Tests two strings for equality, containment, a regex match at the start, prefix or suffix. */
public final class TestStringConditions implements NodeDefinition {
    private static final NodeSchema SCHEMA = TestingPackSchema.builder("TestStringConditions")
            .displayName("String Condition").category(Logic.CATEGORY)
            .required("a", "STRING", "multiline", false)
            .required("b", "STRING", "multiline", false)
            .requiredCombo("operation", Logic.wireNames(StringOperation.class, StringOperation::label))
            .required("case_sensitive", "BOOLEAN", "default", true)
            .output("BOOLEAN").build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        String a = inputs.getString("a");
        String b = inputs.getString("b");
        if (!PythonTruth.of(inputs.get("case_sensitive"))) {
            a = a.toLowerCase(Locale.ROOT);
            b = b.toLowerCase(Locale.ROOT);
        }
        return NodeResult.of(StringOperation.of(inputs.getString("operation")).test(a, b));
    }
}
