package dev.easel.testingnodes.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** While loops built by hand, accumulations and interrupts through a real server. */
class LoopsAndListsE2ETest {
    @RegisterExtension
    static final EaselFixture easel = EaselFixture.classic();

    @Test
    void aWhileLoopRunsItsBodyUntilTheConditionFails() throws Exception {
        TestGraph g = new TestGraph();
        var white = g.stubImage("WHITE", 30, 30);
        var black = g.stubImage("BLACK", 30, 30);
        var open = g.node("TestWhileLoopOpen", "condition", true, "initial_value0", 3, "initial_value1", white.out(0));
        var count = g.node("TestIntMathOperation", "a", open.out(1), "b", 1, "operation", "subtract");
        var more = g.node("TestIntConditions", "a", count.out(0), "b", 0, "operation", ">");
        var average = g.node("TestVariadicAverage", "input1", open.out(2), "input2", black.out(0));
        var close = g.node("TestWhileLoopClose", "flow_control", open.out(0), "condition", more.out(0),
                "initial_value0", count.out(0), "initial_value1", average.out(0));
        var save = g.node("SaveImage", "images", close.out(1), "filename_prefix", "while");
        RunResult result = easel.client().run(g);
        assertThat(result.succeeded()).isTrue();
        // three rounds (3 -> 2 -> 1 -> 0), each averaging with black: 1/8 of white
        assertThat(easel.savedPixel(result, save.id, 0)).isEqualTo(31);
    }

    @Test
    void anAccumulationBecomesAListThatRunsItsConsumerPerItem() throws Exception {
        TestGraph g = new TestGraph();
        var dark = g.constantImage(0.2, 31, 31);
        var light = g.constantImage(0.8, 31, 31);
        var first = g.node("TestAccumulateNode", "to_add", dark.out(0));
        var second = g.node("TestAccumulateNode", "to_add", light.out(0), "accumulation", first.out(0));
        var list = g.node("TestAccumulationToListNode", "accumulation", second.out(0));
        var save = g.node("SaveImage", "images", list.out(0), "filename_prefix", "accumulated");
        RunResult result = easel.client().run(g);
        assertThat(result.succeeded()).isTrue();
        assertThat(easel.savedPixels(result, save.id)).containsExactly(51, 204);
    }

    @Test
    void aForLoopReRunsWithANewCountAndAnAlwaysChangingInput() throws Exception {
        TestGraph g = new TestGraph();
        var black = g.stubImage("BLACK", 33, 33);
        var white = g.stubImage("WHITE", 33, 33);
        var changing = g.node("TestCustomIsChanged", "image", white.out(0), "should_change", true);
        var open = g.node("TestForLoopOpen", "remaining", 1, "initial_value1", changing.out(0));
        var average = g.node("TestVariadicAverage", "input1", black.out(0), "input2", open.out(2));
        var close = g.node("TestForLoopClose", "flow_control", open.out(0), "initial_value1", average.out(0));
        var save = g.node("SaveImage", "images", close.out(0), "filename_prefix", "reloop");
        for (int iterations = 1; iterations <= 4; iterations++) {
            open.set("remaining", iterations);
            RunResult result = easel.client().run(g);
            assertThat(easel.savedPixel(result, save.id, 0)).isEqualTo(255 >> iterations);
            assertThat(result.didRun(changing.id)).isTrue();
        }
    }

    @Test
    void aListOfInputsMayExpandForSomeItemsAndNotOthers() throws Exception {
        TestGraph g = new TestGraph();
        var values = g.node("TestMakeListNode", "value1", 0.1, "value2", 0.2, "value3", 0.3);
        var mixed = g.node("TestMixedExpansionReturns", "input1", values.out(0));
        var dynamic = g.node("SaveImage", "images", mixed.out(0), "filename_prefix", "dynamic");
        var literal = g.node("SaveImage", "images", mixed.out(1), "filename_prefix", "literal");
        RunResult result = easel.client().run(g);
        assertThat(easel.savedPixels(result, dynamic.id)).containsExactly(25, 51, 76);
        assertThat(easel.savedPixels(result, literal.id)).containsExactly(255, 255, 255);
    }

    @Test
    void lazinessIsDecidedPerListItem() throws Exception {
        TestGraph g = new TestGraph();
        var values = g.node("TestMakeListNode", "value1", 0.0, "value2", 0.5, "value3", 1.0);
        var mask = g.stubMask(values.out(0), 34, 34);
        var black = g.stubImage("BLACK", 34, 34);
        var white = g.stubImage("WHITE", 34, 34);
        var mix = g.node("TestLazyMixImages", "image1", black.out(0), "image2", white.out(0), "mask", mask.out(0));
        // overlap and merge mode are newer RebatchImages inputs; older servers ignore them
        var rebatch = g.node("RebatchImages", "images", mix.out(0), "batch_size", 3,
                "overlap", 0, "merge_overlap_mode", "truncate start");
        var save = g.node("SaveImage", "images", rebatch.out(0), "filename_prefix", "per_item");
        RunResult result = easel.client().run(g);
        assertThat(easel.savedPixels(result, save.id)).containsExactly(0, 127, 255);
    }

    @Test
    void inputsBeyondTheDeclaredOneAreAveragedToo() throws Exception {
        TestGraph g = new TestGraph();
        var black = g.stubImage("BLACK", 35, 35);
        var white = g.stubImage("WHITE", 35, 35);
        var average = g.node("TestVariadicAverage", "input1", black.out(0), "input2", white.out(0),
                "input3", black.out(0), "input4", black.out(0));
        var save = g.node("SaveImage", "images", average.out(0), "filename_prefix", "undeclared");
        assertThat(easel.savedPixel(easel.client().run(g), save.id, 0)).isEqualTo(255 / 4);
    }

    @Test
    void anInterruptStopsASleepingNode() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.9, 32, 32);
        var sleep = g.node("TestSleep", "value", image.out(0), "seconds", 9999.0);
        g.node("SaveImage", "images", sleep.out(0), "filename_prefix", "interrupted");
        JsonNode answer = easel.client().queue(g.json(), TestGraph.JSON.createObjectNode());
        String promptId = answer.path("prompt_id").asText();
        easel.client().awaitMessage(m -> m.path("type").asText().equals("progress")
                && m.path("data").path("prompt_id").asText().equals(promptId));
        assertThat(easel.client().post("/interrupt", "{}").statusCode()).isEqualTo(200);
        RunResult result = easel.client().finish(answer);
        assertThat(result.ofType("execution_interrupted")).singleElement()
                .satisfies(m -> assertThat(m.path("data").path("node_id").asText()).isEqualTo(sleep.id));
        assertThat(result.succeeded()).isFalse();
    }
}
