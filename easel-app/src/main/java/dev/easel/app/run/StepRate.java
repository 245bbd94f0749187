package dev.easel.app.run;

import java.util.Locale;

/**
 * The rate of one node's progress since its first report, and the time its remaining steps
 * will take at that rate: {@code 2.50 it/s, 3.2 s left} (or {@code 1.73 s/it} below one step a second).
 */
final class StepRate {
    private final double firstValue;
    private final long firstNanos;

    StepRate(double firstValue, long firstNanos) {
        this.firstValue = firstValue;
        this.firstNanos = firstNanos;
    }

    /** Empty until some progress has been made after the first report. */
    String describe(double value, double max, long nowNanos) {
        double seconds = (nowNanos - firstNanos) / 1e9;
        double done = value - firstValue;
        if (done <= 0 || seconds <= 0) return "";
        double perSecond = done / seconds;
        String rate = perSecond >= 1
                ? String.format(Locale.ROOT, "%.2f it/s", perSecond)
                : String.format(Locale.ROOT, "%.2f s/it", 1 / perSecond);
        double left = Math.max(0, max - value) / perSecond;
        return rate + ", " + String.format(Locale.ROOT, "%.1f s left", left);
    }
}
