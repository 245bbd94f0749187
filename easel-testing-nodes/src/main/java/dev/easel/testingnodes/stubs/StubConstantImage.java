package dev.easel.testingnodes.stubs;

/** An RGB image whose every element is {@code value}. */
public final class StubConstantImage extends ConstantStub {
    public StubConstantImage() {
        super("StubConstantImage", "Stub Constant Image", "IMAGE");
    }

    @Override
    int[] dims(StubShape shape) {
        return new int[] {shape.batch(), shape.height(), shape.width(), 3};
    }
}
