package dev.easel.testingnodes.async;

/** Shared facts of the async demo nodes. */
final class AsyncTests {
    private AsyncTests() {}

    static final String CATEGORY = "_for_testing/async";
    static final String FOR_TESTING = "_for_testing";
    /** How often the sleeping nodes wake up to report progress. */
    static final long TICK_MILLIS = 10;
}
