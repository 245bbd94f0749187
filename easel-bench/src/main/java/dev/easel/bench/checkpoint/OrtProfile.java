package dev.easel.bench.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX Runtime's JSON profile of one session, read as what the benchmark needs: each
 * {@code model_run} (one call of {@code run}, in order) and, within it, the time of each kernel
 * by operator type. Times in microseconds, as ORT records them.
 */
public record OrtProfile(List<Run> runs) {

    /** One {@code run}: its duration and its kernels' summed durations by operator type. */
    public record Run(long startMicros, long durationMicros, Map<String, Long> kernelMicrosByOp) {
        public long kernelMicros() {
            return kernelMicrosByOp.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static OrtProfile read(Path file) throws IOException {
        JsonNode events = new ObjectMapper().readTree(file.toFile());
        List<Run> runs = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.path("cat").asText().equals("Session") && e.path("name").asText().equals("model_run")) {
                runs.add(new Run(e.path("ts").asLong(), e.path("dur").asLong(), new LinkedHashMap<>()));
            }
        }
        runs.sort(Comparator.comparingLong(Run::startMicros));
        for (JsonNode e : events) {
            if (!e.path("cat").asText().equals("Node") || !e.path("name").asText().endsWith("_kernel_time")) continue;
            long ts = e.path("ts").asLong();
            for (Run run : runs) {
                if (ts >= run.startMicros() && ts <= run.startMicros() + run.durationMicros()) {
                    run.kernelMicrosByOp().merge(e.path("args").path("op_name").asText("?"), e.path("dur").asLong(), Long::sum);
                    break;
                }
            }
        }
        return new OrtProfile(List.copyOf(runs));
    }

    /** The last {@code n} runs (those after the warm-up). */
    public List<Run> last(int n) {
        if (runs.size() < n) throw new IllegalStateException("the profile holds " + runs.size() + " runs, expected at least " + n);
        return runs.subList(runs.size() - n, runs.size());
    }

    /** Kernel time by operator type over {@code runs}, largest first. */
    public static Map<String, Long> byOp(List<Run> runs) {
        Map<String, Long> sums = new LinkedHashMap<>();
        runs.forEach(r -> r.kernelMicrosByOp().forEach((op, us) -> sums.merge(op, us, Long::sum)));
        Map<String, Long> sorted = new LinkedHashMap<>();
        sums.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
