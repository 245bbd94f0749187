package dev.easel.testingnodes.logic;

/** Compares two FLOAT values with one of {@code == != < > <= >=}. */
public final class TestFloatConditions extends ConditionNode {
    public TestFloatConditions() {
        super("TestFloatConditions", "Float Condition", Logic::floatOperands);
    }
}
