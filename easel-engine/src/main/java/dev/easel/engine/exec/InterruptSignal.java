package dev.easel.engine.exec;

/** A run's cancel switch: set by {@code /interrupt}, checked before each node and on each progress call. */
public final class InterruptSignal {
    private volatile boolean raised;

    public void raise() {
        raised = true;
    }

    public boolean isRaised() {
        return raised;
    }
}
