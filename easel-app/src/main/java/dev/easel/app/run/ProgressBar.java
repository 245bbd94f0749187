package dev.easel.app.run;

/** A ten-cell text bar with its count: {@code [#####-----] 5/10}. */
record ProgressBar(double value, double max) {
    static final int CELLS = 10;

    static ProgressBar of(Number value, Number max) {
        return new ProgressBar(value.doubleValue(), max.doubleValue());
    }

    int filled() {
        if (max <= 0) return 0;
        return (int) Math.max(0, Math.min(CELLS, Math.floor(CELLS * value / max)));
    }

    String render() {
        int filled = filled();
        return "[" + "#".repeat(filled) + "-".repeat(CELLS - filled) + "] " + number(value) + "/" + number(max);
    }

    /** Whole numbers without a decimal point; progress is counted in steps most of the time. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
