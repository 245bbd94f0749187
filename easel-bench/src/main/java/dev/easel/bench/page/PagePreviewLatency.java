package dev.easel.bench.page;

import dev.easel.bench.Options;
import dev.easel.bench.report.Samples;

import java.util.ArrayList;
import java.util.List;

/**
 * Latency from the end of a sampling step on the server to that step's preview painted in
 * Easel's page, on the default workflow with the demo model. {@code BenchStampedModel} stamps
 * the return of each model call (euler: one per step) in this JVM; the page marks each preview
 * once decoded and painted, with the time its script received the frame (see {@link PageSession}),
 * on its own clock, which is mapped onto this JVM's by reading it over the driver before and
 * after each prompt. Steps whose preview the
 * server skipped or dropped, or the page replaced before painting it, are counted, not timed.
 */
public final class PagePreviewLatency {

    /**
     * @param received       from the step's end to the page's script receiving its frame, for the painted previews
     * @param latency        from the step's end to its preview painted
     * @param pageShare      from the page's script receiving a preview's frame to the preview painted
     * @param stepGaps       time between consecutive model-call stamps (the sampling step rate)
     * @param clockErrorNanos the largest uncertainty of the clock mapping over the measured prompts
     * @param clockDriftNanos the largest change of the mapping over one prompt
     */
    public record Result(int prompts, int warmup, PageWorkload workload, Samples received, Samples latency, Samples pageShare,
                         Samples stepGaps, long clockErrorNanos, long clockDriftNanos) {
        public int painted() {
            return latency.count();
        }

        public int stepsNotPainted() {
            return prompts * workload.steps() - painted();
        }

        private static String summary(Samples samples) {
            return samples.count() == 0 ? "no previews" : samples.summaryMillis();
        }

        public String report() {
            return String.format("%s; prompts %d (after %d warm-up)%n"
                            + "previews painted %d, steps without a painted preview %d; page clock mapped within %.3f ms, drift <= %.3f ms per prompt%n"
                            + "sampling step (model call to model call): %s%n"
                            + "step end -> the page's script receives its frame: %s%n"
                            + "step end -> preview painted in the page: %s%n"
                            + "frame received -> painted (the page's own part): %s%n",
                    workload, prompts, warmup, painted(), stepsNotPainted(),
                    Samples.ms(clockErrorNanos), Samples.ms(clockDriftNanos), stepGaps.summaryMillis(),
                    summary(received), summary(latency), summary(pageShare));
        }
    }

    private PagePreviewLatency() {
    }

    public static Result run(Options options) throws Exception {
        int prompts = options.integer("prompts", 10);
        int warmup = options.integer("warmup", 2);
        PageWorkload workload = PageWorkload.of(options);
        int steps = workload.steps();
        try (PageSession page = workload.open()) {
            List<Long> received = new ArrayList<>(), latencies = new ArrayList<>(), shares = new ArrayList<>(), gaps = new ArrayList<>();
            long clockError = 0, clockDrift = 0;
            for (int p = 0; p < warmup + prompts; p++) {
                PageSession.Run run = page.timed(workload.prompt(p));
                long[] stepEnds = run.stepEnds();
                if (stepEnds.length != steps) {
                    throw new IllegalStateException("expected one model call per step, got " + stepEnds.length
                            + " calls for " + steps + " steps");
                }
                if (p < warmup) continue;
                for (int i = 1; i < steps; i++) gaps.add(stepEnds[i] - stepEnds[i - 1]);
                for (PageSession.Paint paint : run.paints()) {
                    if (paint.step() < 1 || paint.step() > steps) throw new IllegalStateException("the page painted a preview of step "
                            + paint.step() + " of a " + steps + "-step prompt");
                    received.add(paint.received() - stepEnds[paint.step() - 1]);
                    latencies.add(paint.painted() - stepEnds[paint.step() - 1]);
                    shares.add(paint.painted() - paint.received());
                }
                clockError = Math.max(clockError, run.clockErrorNanos());
                clockDrift = Math.max(clockDrift, Math.abs(run.clockDriftNanos()));
            }
            return new Result(prompts, warmup, workload, Samples.of(received), Samples.of(latencies), Samples.of(shares),
                    Samples.of(gaps), clockError, clockDrift);
        }
    }
}
