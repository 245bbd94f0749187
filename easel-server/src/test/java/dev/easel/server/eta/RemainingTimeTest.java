package dev.easel.server.eta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The estimate on a clock the test moves: the running node by its steps, the rest from earlier runs. */
class RemainingTimeTest {
    private static final long SECOND = 1_000_000_000L;
    private static final JsonNode PROMPT = Http.json("""
            {"4": {"class_type": "Loader", "inputs": {}},
             "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 64, "height": 64, "batch_size": 1}},
             "3": {"class_type": "KSampler", "inputs": {"steps": 10, "model": ["4", 0], "latent_image": ["5", 0]}},
             "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0]}}}""");

    private final AtomicLong now = new AtomicLong();
    private final NodeTimes learned = new NodeTimes();

    private RemainingTime run(String promptId, JsonNode prompt) {
        return new RemainingTime(promptId, prompt, learned, now::get);
    }

    /** The prompt with one input of one node set to another value. */
    private static JsonNode changed(String node, String input, int value) {
        JsonNode copy = PROMPT.deepCopy();
        ((ObjectNode) copy.get(node).get("inputs")).put(input, value);
        return copy;
    }

    private static ExecutionEvent executing(String node) {
        return new ExecutionEvent.Executing("p", node, node);
    }

    private static ExecutionEvent step(String node, int value, int max) {
        return new ExecutionEvent.Progress("p", node, value, max);
    }

    private Optional<RemainingTime.Estimate> at(long nanos, RemainingTime estimate, ExecutionEvent event) {
        now.set(nanos);
        return estimate.observe(event) ? Optional.of(estimate.estimate()) : Optional.empty();
    }

    /** The loader cached; 1 s for the latent; the sampler's 10 steps at 2 s each; 3 s for the decode. */
    private void firstRun() {
        RemainingTime first = run("p", PROMPT);
        at(0, first, new ExecutionEvent.ExecutionCached("p", List.of("4"), 0));
        assertThat(at(0, first, executing("5")))
                .contains(new RemainingTime.Estimate("p", "5", 0.0, 0.0, false));
        at(SECOND, first, executing("3"));
        assertThat(at(5 * SECOND, first, step("3", 2, 10)))
                .contains(new RemainingTime.Estimate("p", "3", 16.0, 16.0, false));
        at(21 * SECOND, first, step("3", 10, 10));
        at(21 * SECOND, first, executing("8"));
        at(24 * SECOND, first, new ExecutionEvent.ExecutionSuccess("p", 0));
    }

    @Test
    void aFirstRunKnowsOnlyItsRunningNodeAndALaterOneKnowsEveryNode() {
        firstRun();
        RemainingTime second = run("q", changed("3", "steps", 20));
        assertThat(at(100 * SECOND, second, new ExecutionEvent.ExecutionCached("q", List.of("4"), 0))).isEmpty();
        // the latent as before (1 s), the sampler at 2 s a step for 20 steps, the decode 3 s
        assertThat(at(100 * SECOND, second, executing("5")))
                .contains(new RemainingTime.Estimate("q", "5", 1.0, 44.0, true));
        assertThat(at(101 * SECOND, second, executing("3")))
                .contains(new RemainingTime.Estimate("q", "3", 40.0, 43.0, true));
        // this run samples faster: its own rate counts for the node it is in
        assertThat(at(105 * SECOND, second, step("3", 4, 20)))
                .contains(new RemainingTime.Estimate("q", "3", 16.0, 19.0, true));
    }

    @Test
    void anotherImageSizeIsNotKnownFromThisOne() {
        firstRun();
        RemainingTime other = run("r", changed("5", "width", 128));
        assertThat(at(0, other, executing("5"))).contains(new RemainingTime.Estimate("r", "5", 0.0, 0.0, false));
    }

    @Test
    void aNodeCutShortIsNotLearned() {
        RemainingTime first = run("p", PROMPT);
        at(0, first, executing("3"));
        at(SECOND, first, step("3", 1, 10));
        at(2 * SECOND, first, new ExecutionEvent.ExecutionInterrupted("p", "3", "KSampler", List.of(), 0));
        RemainingTime second = run("q", PROMPT);
        assertThat(at(10 * SECOND, second, executing("3"))).contains(new RemainingTime.Estimate("q", "3", 0.0, 0.0, false));
    }

    @Test
    void progressOfAnotherNodeOrBeforeTheFirstStepGivesNoEstimate() {
        RemainingTime first = run("p", PROMPT);
        at(0, first, executing("3"));
        assertThat(at(SECOND, first, step("3", 0, 10))).isEmpty();
        assertThat(at(SECOND, first, step("9", 1, 10))).isEmpty();
        assertThat(at(SECOND, first, new ExecutionEvent.ExecutionStart("p", 0))).isEmpty();
    }

    @Test
    void theMessageCarriesThePromptNodeAndBothTimes() {
        assertThat(new RemainingTime.Estimate("p", "3", 1.5, 4.0, true).json()).isEqualTo(Http.json(
                "{\"prompt_id\": \"p\", \"node\": \"3\", \"node_seconds\": 1.5, \"job_seconds\": 4.0, \"complete\": true}"));
    }
}
