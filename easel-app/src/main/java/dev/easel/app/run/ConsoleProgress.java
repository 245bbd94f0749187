package dev.easel.app.run;

import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.ExecutionEvent.ExecutionCached;
import dev.easel.engine.event.ExecutionEvent.ExecutionError;
import dev.easel.engine.event.ExecutionEvent.ExecutionInterrupted;
import dev.easel.engine.event.ExecutionEvent.Executing;
import dev.easel.engine.event.ExecutionEvent.Progress;
import dev.easel.engine.event.ExecutionEvent.ProgressText;
import dev.easel.engine.event.ExecutionListener;
import dev.easel.engine.graph.Prompt;
import dev.easel.engine.graph.PromptNode;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Draws a run on a console: one line per node as it starts, a progress bar per node with its
 * step rate and the time left, cached nodes, failures with the node, its type and the reason,
 * and the time each node took at the end. On a terminal the bar redraws in place; elsewhere
 * (logs, pipes) a line is written each time a cell fills.
 */
final class ConsoleProgress implements ExecutionListener {
    private static final int TRACE_FRAMES = 3;

    private final PrintWriter err;
    private final Prompt prompt;
    private final boolean interactive;
    private final LongSupplier nanoClock;
    private final Map<String, Integer> lastFilled = new HashMap<>();
    private final Map<String, StepRate> rates = new HashMap<>();
    private final NodeTimes times = new NodeTimes();
    private boolean barOpen;

    ConsoleProgress(PrintWriter err, Prompt prompt, boolean interactive) {
        this(err, prompt, interactive, System::nanoTime);
    }

    ConsoleProgress(PrintWriter err, Prompt prompt, boolean interactive, LongSupplier nanoClock) {
        this.err = err;
        this.prompt = prompt;
        this.interactive = interactive;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void onEvent(ExecutionEvent event) {
        switch (event) {
            case ExecutionCached c when !c.nodes().isEmpty() -> line("Cached: " + c.nodes().stream()
                    .map(this::label).collect(Collectors.joining(", ")));
            case Executing e -> {
                times.started(e.nodeId(), nanoClock.getAsLong());
                line("Running " + label(e.nodeId()));
            }
            case Progress p -> progress(p);
            case ProgressText t -> line(label(t.nodeId()) + ": " + t.text());
            case ExecutionError e when e.isBlocker() -> line("Blocked at " + label(e.nodeId(), e.nodeType()) + ": "
                    + e.exceptionMessage());
            case ExecutionError e -> failure(e);
            case ExecutionInterrupted i -> line("Interrupted at " + label(i.nodeId(), i.nodeType()));
            case ExecutionEvent.ExecutionSuccess s -> closeBar();
            default -> { }
        }
        if (event.isTerminal()) summary();
        err.flush();
    }

    private void progress(Progress p) {
        ProgressBar bar = ProgressBar.of(p.value(), p.max());
        long now = nanoClock.getAsLong();
        String rate = rates.computeIfAbsent(p.nodeId(), id -> new StepRate(bar.value(), now))
                .describe(bar.value(), bar.max(), now);
        String text = label(p.nodeId()) + " " + bar.render() + (rate.isEmpty() ? "" : " " + rate);
        if (interactive) {
            err.print("\r" + text);
            barOpen = true;
        } else {
            Integer before = lastFilled.put(p.nodeId(), bar.filled());
            if (before == null || before != bar.filled()) err.println(text);
        }
    }

    private void failure(ExecutionError e) {
        line("Failed at " + label(e.nodeId(), e.nodeType()) + ": " + e.exceptionType() + ": " + e.exceptionMessage());
        // the innermost frames say where it broke; the rest is the engine's own call path
        List<String> frames = e.traceback().stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
        frames.subList(Math.max(0, frames.size() - TRACE_FRAMES), frames.size()).forEach(f -> err.println("    " + f));
    }

    private void summary() {
        times.stop(nanoClock.getAsLong());
        Map<String, Long> totals = times.totals();
        if (totals.isEmpty()) return;
        line("Time per node:");
        totals.forEach((id, nanos) -> err.println("  " + label(id) + " " + String.format(Locale.ROOT, "%.2f s", nanos / 1e9)));
    }

    private void line(String text) {
        closeBar();
        err.println(text);
    }

    private void closeBar() {
        if (barOpen) {
            err.println();
            barOpen = false;
        }
    }

    private String label(String nodeId) {
        return label(nodeId, prompt.node(nodeId).map(PromptNode::classType).orElse(""));
    }

    private static String label(String nodeId, String classType) {
        return classType.isEmpty() ? "#" + nodeId : "#" + nodeId + " " + classType;
    }
}
