package dev.easel.bench.page;

import dev.easel.bench.Options;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.easel.bench.report.ProcessMemory.mib;

/**
 * The page's memory as previews go by: the default workflow on the demo model, run until the
 * page has painted {@code --previews} previews, sampled before the first prompt and at the end
 * of the first prompt that takes the count past each multiple of {@code --every}. Each sample
 * follows two forced collections of the page's heap and gives its JavaScript heap, its DOM node
 * and listener counts (DevTools {@code Performance.getMetrics}) and the private memory of the
 * browser's processes by type (the browser process holds the blobs behind object URLs).
 * The last sample is taken again after a critical memory-pressure notification, which separates
 * memory the renderer holds only as a cache (decoded images it can decode again) from memory the
 * page keeps alive.
 */
public final class PageMemory {
    /** How long the renderer is given to drop its caches after the pressure notification. */
    private static final long PRESSURE_SETTLE_MS = 2000;

    /** One sample, after {@code previews} painted previews and {@code prompts} prompts. */
    public record Sample(int previews, int prompts, long jsHeapUsed, long jsHeapTotal, int nodes, int listeners, int images,
                         Map<String, Long> privateByProcessType) {
        long privateMemory(String type) {
            return privateByProcessType.getOrDefault(type, 0L);
        }

        long privateTotal() {
            return privateByProcessType.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** @param afterPressure the last sample taken again after a critical memory-pressure notification */
    public record Result(PageWorkload workload, List<Sample> samples, Sample afterPressure) {
        public String report() {
            StringBuilder out = new StringBuilder(workload + "; each sample after two forced GCs; private memory of the browser's processes:\n");
            out.append(String.format("%8s %7s %12s %13s %9s %9s %6s %12s %12s %12s%n", "previews", "prompts", "JS heap used",
                    "JS heap total", "DOM nodes", "listeners", "images", "renderer", "browser", "all"));
            for (Sample s : samples) out.append(row(s, ""));
            out.append(row(afterPressure, " (then a critical memory-pressure notification)"));
            if (samples.size() > 2) {
                Sample second = samples.get(1), last = samples.getLast();
                out.append(String.format("from %d to %d previews: JS heap %+.1f KiB, DOM nodes %+d, listeners %+d, renderer %+.1f MiB, all processes %+.1f MiB%n",
                        second.previews, last.previews, (last.jsHeapUsed - second.jsHeapUsed) / 1024.0, last.nodes - second.nodes,
                        last.listeners - second.listeners, (last.privateMemory("renderer") - second.privateMemory("renderer")) / 1048576.0,
                        (last.privateTotal() - second.privateTotal()) / 1048576.0));
            }
            return out.toString();
        }

        private static String row(Sample s, String note) {
            return String.format("%8d %7d %12s %13s %9d %9d %6d %12s %12s %12s%s%n", s.previews, s.prompts, kib(s.jsHeapUsed),
                    kib(s.jsHeapTotal), s.nodes, s.listeners, s.images, mib(s.privateMemory("renderer")), mib(s.privateMemory("browser")),
                    mib(s.privateTotal()), note);
        }
    }

    private PageMemory() {
    }

    private static String kib(long bytes) {
        return String.format("%.1f KiB", bytes / 1024.0);
    }

    public static Result run(Options options) throws Exception {
        int target = options.integer("previews", 500);
        int every = options.integer("every", 100);
        PageWorkload workload = PageWorkload.of(options);
        try (PageSession page = workload.open()) {
            List<Sample> samples = new ArrayList<>(List.of(sample(page, 0, 0)));
            int previews = 0, next = every;
            for (int prompt = 1; previews < target; prompt++) {
                previews += page.counted(workload.prompt(prompt));
                if (previews >= next || previews >= target) {
                    samples.add(sample(page, previews, prompt));
                    while (next <= previews) next += every;
                }
            }
            page.browser().criticalMemoryPressure();
            Thread.sleep(PRESSURE_SETTLE_MS);
            Sample last = samples.getLast();
            return new Result(workload, samples, sample(page, last.previews, last.prompts));
        }
    }

    private static Sample sample(PageSession page, int previews, int prompts) {
        Map<String, Double> metrics = page.browser().metricsAfterGc();
        return new Sample(previews, prompts, metrics.get("JSHeapUsedSize").longValue(), metrics.get("JSHeapTotalSize").longValue(),
                metrics.get("Nodes").intValue(), metrics.get("JSEventListeners").intValue(),
                ((Number) page.browser().script("return document.images.length")).intValue(), page.browser().privateMemoryByProcessType());
    }
}
