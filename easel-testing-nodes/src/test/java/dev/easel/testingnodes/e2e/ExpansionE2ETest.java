package dev.easel.testingnodes.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Graph expansion, loops, blockers and list outputs through a real server. */
class ExpansionE2ETest {
    @RegisterExtension
    static final EaselFixture easel = EaselFixture.classic();

    @Test
    void aCycleCreatedByAnExpansionIsAnExecutionErrorOfTheExpandingNode() throws Exception {
        TestGraph g = new TestGraph();
        var input1 = g.constantImage(0.2, 16, 16);
        var input2 = g.constantImage(0.7, 16, 16);
        var cycle = g.node("TestDynamicDependencyCycle", "input1", input1.out(0), "input2", input2.out(0));
        g.node("SaveImage", "images", cycle.out(0), "filename_prefix", "cycle");
        RunResult result = easel.client().run(g);
        JsonNode error = result.error().orElseThrow();
        assertThat(error.path("node_id").asText()).isEqualTo(cycle.id);
        assertThat(error.path("node_type").asText()).isEqualTo("TestDynamicDependencyCycle");
        assertThat(error.path("prompt_id").asText()).isEqualTo(result.promptId());

        TestGraph next = new TestGraph();
        var image = next.constantImage(0.5, 8, 8);
        next.node("SaveImage", "images", image.out(0), "filename_prefix", "after_cycle");
        assertThat(easel.client().run(next).succeeded()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"0.1, 25", "0.15, 51", "0.3, 76"})
    void expansionResultsMayMixLinksAndValues(double input, int expectedPixel) throws Exception {
        TestGraph g = new TestGraph();
        var mixed = g.node("TestMixedExpansionReturns", "input1", input);
        var first = g.node("SaveImage", "images", mixed.out(0), "filename_prefix", "mixed_a");
        var second = g.node("SaveImage", "images", mixed.out(1), "filename_prefix", "mixed_b");
        RunResult result = easel.client().run(g);
        assertThat(result.succeeded()).isTrue();
        assertThat(easel.savedPixel(result, first.id, 0)).isEqualTo(expectedPixel);
        assertThat(easel.savedPixel(result, second.id, 0)).isEqualTo(255);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void aForLoopHalvesTheCarriedImageEachRound(int iterations) throws Exception {
        TestGraph g = new TestGraph();
        var white = g.stubImage("WHITE", 8 + iterations, 8);
        var black = g.stubImage("BLACK", 8 + iterations, 8);
        var open = g.node("TestForLoopOpen", "remaining", iterations, "initial_value1", white.out(0));
        var average = g.node("TestVariadicAverage", "input1", open.out(2), "input2", black.out(0));
        var close = g.node("TestForLoopClose", "flow_control", open.out(0), "initial_value1", average.out(0));
        var save = g.node("SaveImage", "images", close.out(0), "filename_prefix", "loop");
        RunResult result = easel.client().run(g);
        assertThat(result.succeeded()).isTrue();
        assertThat(easel.savedPixel(result, save.id, 0)).isEqualTo(255 / (1 << iterations));
        // every copy of the loop body is shown as the client's own node
        assertThat(result.ofType("executing")).filteredOn(m -> !m.path("data").path("node").isNull())
                .allSatisfy(m -> assertThat(g.json().has(m.path("data").path("display_node").asText()))
                        .as("display node of %s", m).isTrue());
    }

    @Test
    void aSilentBlockerStopsItsConsumersAndTheRestOfThePromptRuns() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.5, 12, 12);
        var blocker = g.node("TestExecutionBlocker", "input", image.out(0), "block", true, "verbose", false);
        var blocked = g.node("SaveImage", "images", blocker.out(0), "filename_prefix", "blocked");
        var free = g.node("SaveImage", "images", image.out(0), "filename_prefix", "unblocked");
        RunResult result = easel.client().run(g);
        assertThat(result.images(blocked.id)).isEmpty();
        assertThat(result.images(free.id)).hasSize(1);
        assertThat(result.error()).isEmpty();
    }

    @Test
    void aVerboseBlockerReportsTheBlockedConsumerAndThePromptGoesOn() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.5, 13, 13);
        var blocker = g.node("TestExecutionBlocker", "input", image.out(0), "block", true, "verbose", true);
        var blocked = g.node("SaveImage", "images", blocker.out(0), "filename_prefix", "loud_blocked");
        var free = g.node("SaveImage", "images", image.out(0), "filename_prefix", "loud_free");
        RunResult result = easel.client().run(g);
        JsonNode error = result.error().orElseThrow();
        assertThat(error.path("node_id").asText()).isEqualTo(blocked.id);
        assertThat(error.path("exception_type").asText()).isEqualTo("ExecutionBlocked");
        assertThat(error.path("exception_message").asText()).contains("Blocked Execution");
        assertThat(result.images(blocked.id)).isEmpty();
        assertThat(result.images(free.id)).hasSize(1);
    }

    @Test
    void insideAMappedListOnlyTheBlockedItemIsDropped() throws Exception {
        TestGraph g = new TestGraph();
        var black = g.stubImage("BLACK", 14, 14);
        var white = g.stubImage("WHITE", 14, 14);
        var images = g.node("TestMakeListNode", "value1", black.out(0), "value2", white.out(0), "value3", black.out(0));
        var one = g.node("StubInt", "value", 1);
        var two = g.node("StubInt", "value", 2);
        var three = g.node("StubInt", "value", 3);
        var ints = g.node("TestMakeListNode", "value1", one.out(0), "value2", two.out(0), "value3", three.out(0));
        var isTwo = g.node("TestIntConditions", "a", ints.out(0), "b", 2, "operation", "==");
        var blocker = g.node("TestExecutionBlocker", "input", images.out(0), "block", isTwo.out(0), "verbose", false);
        var collected = g.node("TestMakeListNode", "value1", blocker.out(0));
        var preview = g.node("PreviewImage", "images", collected.out(0));
        RunResult result = easel.client().run(g);
        assertThat(result.didRun(preview.id)).isTrue();
        assertThat(easel.savedPixels(result, preview.id)).containsExactly(0, 0);
    }

    @Test
    void anUnblockedBlockerPassesItsInputOn() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.25, 12, 12);
        var blocker = g.node("TestExecutionBlocker", "input", image.out(0), "block", false, "verbose", false);
        var save = g.node("SaveImage", "images", blocker.out(0), "filename_prefix", "passed");
        RunResult result = easel.client().run(g);
        assertThat(easel.savedPixel(result, save.id, 0)).isEqualTo(63);
    }

    @Test
    void aListOutputRunsItsConsumerOncePerItem() throws Exception {
        TestGraph g = new TestGraph();
        var a = g.constantImage(0.1, 4, 4);
        var b = g.constantImage(0.2, 4, 4);
        var c = g.constantImage(0.3, 4, 4);
        var list = g.node("TestMakeListNode", "value1", a.out(0), "value2", b.out(0), "value3", c.out(0));
        var save = g.node("SaveImage", "images", list.out(0), "filename_prefix", "list");
        RunResult result = easel.client().run(g);
        assertThat(easel.savedPixels(result, save.id)).containsExactly(25, 51, 76);
    }

    @Test
    void parallelSleepAveragesItsThreeImages() throws Exception {
        TestGraph g = new TestGraph();
        var black = g.stubImage("BLACK", 6, 6);
        var white = g.stubImage("WHITE", 6, 6);
        var sleep = g.node("TestParallelSleep", "image1", black.out(0), "image2", white.out(0), "image3", white.out(0),
                "sleep1", 0.2, "sleep2", 0.2, "sleep3", 0.2);
        var save = g.node("SaveImage", "images", sleep.out(0), "filename_prefix", "parallel");
        RunResult result = easel.client().run(g);
        assertThat(result.succeeded()).isTrue();
        assertThat(easel.savedPixel(result, save.id, 0)).isEqualTo(170);
    }
}
