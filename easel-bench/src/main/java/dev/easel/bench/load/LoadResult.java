package dev.easel.bench.load;

import dev.easel.bench.report.CpuClock;
import dev.easel.bench.report.Samples;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the load client measured: one entry per round, latencies pooled over all rounds.
 *
 * @param rounds per round: prompts completed, prompts rejected, wall time from first POST to last
 *               completion, and this process's CPU time by group ({@link CpuClock}; the server's
 *               groups stay near zero when it runs elsewhere)
 */
public record LoadResult(String workflow, int promptsPerRound, int inFlight, int warmup, List<Round> rounds, Samples latency) {

    public record Round(int completed, int failed, long elapsedNanos, Map<String, Long> cpuNanos) {
        public double promptsPerSecond() {
            return elapsedNanos == 0 ? 0 : completed / (elapsedNanos / 1e9);
        }
    }

    public double medianPromptsPerSecond() {
        double[] rates = rounds.stream().mapToDouble(Round::promptsPerSecond).sorted().toArray();
        if (rates.length == 0) return 0;
        return rates.length % 2 == 1 ? rates[rates.length / 2] : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
    }

    public int totalCompleted() {
        return rounds.stream().mapToInt(Round::completed).sum();
    }

    public int totalFailed() {
        return rounds.stream().mapToInt(Round::failed).sum();
    }

    private static double perPrompt(long nanos, int prompts) {
        return prompts == 0 ? 0 : nanos / 1e6 / prompts;
    }

    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("workflow %s, prompts/round %d, in flight %d, warm-up %d, rounds %d%n", workflow, promptsPerRound, inFlight, warmup, rounds.size()));
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            out.append(String.format("round %d: %d ok, %d failed, %.3f s, %.1f prompts/s%n",
                    i + 1, r.completed(), r.failed(), r.elapsedNanos() / 1e9, r.promptsPerSecond()));
            out.append("  CPU ms per prompt:");
            r.cpuNanos().forEach((group, nanos) -> out.append(String.format(" %s %.3f;", group, perPrompt(nanos, r.completed()))));
            out.append('\n');
        }
        out.append(String.format("median throughput: %.1f prompts/s (rounds: %s)%n", medianPromptsPerSecond(),
                Arrays.toString(rounds.stream().mapToLong(r -> Math.round(r.promptsPerSecond())).toArray())));
        out.append("latency POST -> executing{node:null}: ").append(latency.summaryMillis()).append('\n');
        return out.toString();
    }
}
