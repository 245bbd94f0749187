package dev.easel.app.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.graph.Prompt;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {
    private final StringWriter err = new StringWriter();
    private long now;

    private ConsoleProgress listener(boolean interactive) throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree("""
                {"3": {"class_type": "KSampler", "inputs": {}}, "9": {"class_type": "SaveImage", "inputs": {}}}
                """);
        return new ConsoleProgress(new PrintWriter(err, true), Prompt.parse(json), interactive, () -> now);
    }

    @Test
    void onATerminalTheBarRedrawsInPlaceAndEndsItsLineWhenTheNextNodeStarts() throws Exception {
        ConsoleProgress progress = listener(true);
        progress.onEvent(new ExecutionEvent.Executing("p", "3", "3"));
        progress.onEvent(new ExecutionEvent.Progress("p", "3", 5, 10));
        progress.onEvent(new ExecutionEvent.Progress("p", "3", 10, 10));
        progress.onEvent(new ExecutionEvent.Executing("p", "9", "9"));

        String nl = System.lineSeparator();
        assertThat(err.toString()).isEqualTo("Running #3 KSampler" + nl
                + "\r#3 KSampler [#####-----] 5/10"
                + "\r#3 KSampler [##########] 10/10" + nl
                + "Running #9 SaveImage" + nl);
    }

    @Test
    void elsewhereALineIsWrittenOnlyWhenACellFills() throws Exception {
        ConsoleProgress progress = listener(false);
        for (int step = 1; step <= 20; step++) {
            progress.onEvent(new ExecutionEvent.Progress("p", "3", step, 20));
        }
        List<String> lines = err.toString().lines().toList();
        // the first report, then one line per filled cell
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo("#3 KSampler [----------] 1/20");
        assertThat(lines.get(1)).isEqualTo("#3 KSampler [#---------] 2/20");
        assertThat(lines.get(10)).isEqualTo("#3 KSampler [##########] 20/20");
    }

    @Test
    void cachedNodesAndFractionalProgressAreShown() throws Exception {
        ConsoleProgress progress = listener(false);
        progress.onEvent(new ExecutionEvent.ExecutionCached("p", List.of("3", "9"), 1L));
        progress.onEvent(new ExecutionEvent.Progress("p", "42", 0.5, 2));
        assertThat(err.toString().lines().toList()).containsExactly(
                "Cached: #3 KSampler, #9 SaveImage",
                "#42 [##--------] 0.5/2");
    }

    @Test
    void aFailureNamesTheNodeItsTypeAndTheReason() throws Exception {
        ConsoleProgress progress = listener(false);
        progress.onEvent(new ExecutionEvent.ExecutionError("p", "3", "KSampler", List.of(), "out of noise",
                "RuntimeError", List.of("", "  File \"A.java\", line 1, in a", "  File \"B.java\", line 2, in b",
                "  File \"C.java\", line 3, in c", "  File \"D.java\", line 4, in d\n"), Optional.empty(), List.of(),
                OptionalLong.of(5)));
        assertThat(err.toString().lines().toList()).containsExactly(
                "Failed at #3 KSampler: RuntimeError: out of noise",
                "    File \"B.java\", line 2, in b",
                "    File \"C.java\", line 3, in c",
                "    File \"D.java\", line 4, in d");
    }

    @Test
    void anInterruptIsReported() throws Exception {
        ConsoleProgress progress = listener(false);
        progress.onEvent(new ExecutionEvent.ExecutionInterrupted("p", "9", "SaveImage", List.of("3"), 5));
        assertThat(err.toString().lines().toList()).containsExactly("Interrupted at #9 SaveImage");
    }

    @Test
    void stepsShowTheirRateAndTheTimeLeftOnceSomeProgressWasMade() throws Exception {
        ConsoleProgress progress = listener(false);
        progress.onEvent(new ExecutionEvent.Progress("p", "3", 1, 20));
        now = 2_000_000_000L;
        progress.onEvent(new ExecutionEvent.Progress("p", "3", 5, 20));
        now = 40_000_000_000L;
        progress.onEvent(new ExecutionEvent.Progress("p", "3", 10, 20));
        assertThat(err.toString().lines().toList()).containsExactly(
                "#3 KSampler [----------] 1/20",
                "#3 KSampler [##--------] 5/20 2.00 it/s, 7.5 s left",
                "#3 KSampler [#####-----] 10/20 4.44 s/it, 44.4 s left");
    }

    @Test
    void theTimeEachNodeTookIsListedWhenTheRunEnds() throws Exception {
        ConsoleProgress progress = listener(false);
        progress.onEvent(new ExecutionEvent.Executing("p", "3", "3"));
        now = 4_250_000_000L;
        progress.onEvent(new ExecutionEvent.Executing("p", "9", "9"));
        now = 4_500_000_000L;
        progress.onEvent(new ExecutionEvent.ExecutionSuccess("p", 1L));
        assertThat(err.toString().lines().toList()).containsExactly(
                "Running #3 KSampler",
                "Running #9 SaveImage",
                "Time per node:",
                "  #3 KSampler 4.25 s",
                "  #9 SaveImage 0.25 s");
    }
}
