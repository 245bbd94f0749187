package dev.easel.testingnodes.stubs;

/** A {@code [B,H,W]} mask whose every element is {@code value}. */
public final class StubMask extends ConstantStub {
    public StubMask() {
        super("StubMask", "Stub Mask", "MASK");
    }

    @Override
    int[] dims(StubShape shape) {
        return new int[] {shape.batch(), shape.height(), shape.width()};
    }
}
