package dev.easel.testingnodes.specific;

/** Shared facts of the nodes from ComfyUI's {@code specific_tests.py}. */
final class SpecificTests {
    private SpecificTests() {}

    static final String CATEGORY = "Testing/Nodes";
    /** Where ComfyUI files the async and output-node demos. */
    static final String FOR_TESTING = "_for_testing";
}
