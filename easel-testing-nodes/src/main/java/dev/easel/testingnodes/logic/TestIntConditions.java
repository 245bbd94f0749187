package dev.easel.testingnodes.logic;

/** Compares two INT values with one of {@code == != < > <= >=}. */
public final class TestIntConditions extends ConditionNode {
    public TestIntConditions() {
        super("TestIntConditions", "Int Condition", Logic::intOperands);
    }
}
