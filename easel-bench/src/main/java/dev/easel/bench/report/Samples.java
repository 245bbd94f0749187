package dev.easel.bench.report;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised as nearest-rank percentiles. */
public final class Samples {
    private final long[] sorted;

    public Samples(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    public static Samples of(java.util.Collection<Long> nanos) {
        return new Samples(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile, {@code p} in [0, 100]; 0 when there are no samples. */
    public long percentileNanos(double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public long maxNanos() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    public long minNanos() {
        return sorted.length == 0 ? 0 : sorted[0];
    }

    /** {@code p50 / p90 / p99 / max} in milliseconds with three decimals. */
    public String summaryMillis() {
        return String.format("min %.3f  p50 %.3f  p90 %.3f  p99 %.3f  max %.3f ms (n=%d)",
                ms(minNanos()), ms(percentileNanos(50)), ms(percentileNanos(90)), ms(percentileNanos(99)),
                ms(maxNanos()), count());
    }

    public static double ms(long nanos) {
        return nanos / 1e6;
    }
}
