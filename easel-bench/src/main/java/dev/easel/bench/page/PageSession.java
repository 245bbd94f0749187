package dev.easel.bench.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.easel.bench.client.PromptPoster;
import dev.easel.bench.generation.DefaultWorkflow;
import dev.easel.bench.report.TempFolders;
import dev.easel.bench.server.InProcessServer;
import dev.easel.engine.cache.CachePolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Easel server in this JVM with the demo model, and Easel's page open on it in headless
 * Chromium with {@code ?paint-marks}. Prompts are posted for the page's own client id, so the
 * page watches them as it watches the jobs its Run button queues, and each preview it paints
 * leaves a {@code preview-painted} mark with its job and step.
 */
final class PageSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXTRA_DATA = "{\"preview_method\":\"latent2rgb\"}";
    /** Waits until the watched job has ended, then one painted frame more; gives its outcome. */
    private static final String AWAIT_END = """
            const [promptId, done] = arguments;
            const state = document.querySelector("[data-testid='job-state']");
            const check = () => {
              const outcome = state.dataset.outcome;
              const shown = document.querySelector(`[data-testid='output-image'][data-prompt-id='${promptId}']`);
              if (outcome && (outcome !== 'success' || shown)) requestAnimationFrame(() => setTimeout(() => done(outcome), 50));
              else setTimeout(check, 50);
            };
            check();""";
    /** The job's paint marks as [step, frame received, painted] (ms on the page's clock); clears every mark. */
    private static final String TAKE_MARKS = """
            const marks = performance.getEntriesByName('preview-painted')
              .filter((m) => m.detail.promptId === arguments[0]).map((m) => [Number(m.detail.step), m.detail.received, m.startTime]);
            performance.clearMarks('preview-painted');
            return JSON.stringify(marks);""";
    private static final int CLOCK_READS = 10;

    /**
     * One preview the page painted: its step (1-based), when the page's script received its frame
     * and when it was painted, both in this JVM's {@link System#nanoTime()}.
     */
    record Paint(int step, long received, long painted) {
    }

    /**
     * What one prompt showed: the end of each sampling step ({@code BenchStampedModel}'s stamps),
     * the paints, and the clock mapping's uncertainty (half the fastest read of the page's clock)
     * and its drift over the prompt.
     */
    record Run(long[] stepEnds, List<Paint> paints, long clockErrorNanos, long clockDriftNanos) {
    }

    /** {@code performance.now()} in nanoseconds minus this JVM's {@code nanoTime()}, within {@code errorNanos}. */
    private record ClockOffset(long offsetNanos, long errorNanos) {
    }

    private final Path profile;
    private final InProcessServer server;
    private final PageBrowser browser;
    private final PromptPoster poster;

    private PageSession(Path profile, InProcessServer server, PageBrowser browser, String clientId) {
        this.profile = profile;
        this.server = server;
        this.browser = browser;
        this.poster = new PromptPoster(PromptPoster.httpClient(), server.uri(), clientId);
    }

    /** Starts the server (previews fit in {@code previewSize}²) and the browser, and waits for the page to be ready. */
    static PageSession open(int previewSize, int timeoutSeconds) {
        Path profile = TempFolders.create("easel-bench-chromium");
        InProcessServer server = InProcessServer.startWithDemoModel(CachePolicy.classic(), previewSize);
        PageBrowser browser = null;
        try {
            browser = PageBrowser.open(profile, Duration.ofSeconds(timeoutSeconds));
            browser.get(server.uri() + "/?paint-marks");
            browser.asyncScript("""
                    const done = arguments[0];
                    const check = () => document.body.dataset.ready === 'true'
                      && document.querySelector("[data-testid='connection-state']").dataset.state === 'connected'
                      ? done() : setTimeout(check, 20);
                    check();""");
            String clientId = (String) browser.script("return sessionStorage.getItem('easel.clientId')");
            return new PageSession(profile, server, browser, clientId);
        } catch (RuntimeException e) {
            if (browser != null) browser.close();
            server.close();
            TempFolders.delete(profile);
            throw e;
        }
    }

    PageBrowser browser() {
        return browser;
    }

    /**
     * Posts the workflow for the page, waits until the page has shown its result, and returns what
     * it painted, timed against the steps' ends.
     */
    Run timed(DefaultWorkflow workflow) throws Exception {
        ClockOffset before = clockOffset();
        server.modelCalls().arm();
        JsonNode marks = runForMarks(workflow);
        long[] stepEnds = server.modelCalls().stamps();
        ClockOffset after = clockOffset();
        long offset = (before.offsetNanos + after.offsetNanos) / 2;
        List<Paint> paints = new ArrayList<>();
        for (JsonNode mark : marks) {
            paints.add(new Paint(mark.get(0).asInt(), Math.round(mark.get(1).asDouble() * 1e6) - offset,
                    Math.round(mark.get(2).asDouble() * 1e6) - offset));
        }
        return new Run(stepEnds, paints, Math.max(before.errorNanos, after.errorNanos),
                after.offsetNanos - before.offsetNanos);
    }

    /**
     * The same, returning only how many previews the page painted: two scripts in the page, not
     * the clock's twenty reads (the heap of a page the driver runs scripts in keeps a little of each).
     */
    int counted(DefaultWorkflow workflow) throws Exception {
        return runForMarks(workflow).size();
    }

    private JsonNode runForMarks(DefaultWorkflow workflow) throws Exception {
        String promptId = UUID.randomUUID().toString();
        var response = poster.post(promptId, workflow.json(), EXTRA_DATA).get(30, TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /prompt answered " + response.statusCode() + ": " + response.body());
        }
        Object outcome = browser.asyncScript(AWAIT_END, promptId);
        if (!"success".equals(outcome)) throw new IllegalStateException("the page shows the prompt ended in " + outcome);
        return JSON.readTree((String) browser.script(TAKE_MARKS, promptId));
    }

    /** The page's clock against this JVM's, from the fastest of several reads (the offset taken at its midpoint). */
    private ClockOffset clockOffset() {
        ClockOffset best = null;
        for (int i = 0; i < CLOCK_READS; i++) {
            long sent = System.nanoTime();
            double pageMillis = ((Number) browser.script("return performance.now()")).doubleValue();
            long received = System.nanoTime();
            ClockOffset read = new ClockOffset(Math.round(pageMillis * 1e6) - (sent + received) / 2, (received - sent) / 2);
            if (best == null || read.errorNanos < best.errorNanos) best = read;
        }
        return best;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            server.close();
            TempFolders.delete(profile);
        }
    }
}
