package dev.easel.testingnodes.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Errors, async concurrency, progress, node ids and partial execution through a real server. */
class RunBehaviourE2ETest {
    @RegisterExtension
    static final EaselFixture easel = EaselFixture.classic();

    @Test
    void aFailingNodeReportsItselfAndTheNextPromptRuns() throws Exception {
        TestGraph g = new TestGraph();
        var value = g.node("StubInt", "value", 11);
        var failing = g.node("TestSyncError", "value", value.out(0));
        var average = g.node("TestVariadicAverage", "input1", failing.out(0));
        g.node("SaveImage", "images", average.out(0), "filename_prefix", "never");
        RunResult result = easel.client().run(g);
        JsonNode error = result.error().orElseThrow();
        assertThat(error.path("node_id").asText()).isEqualTo(failing.id);
        assertThat(error.path("node_type").asText()).isEqualTo("TestSyncError");
        assertThat(error.path("exception_message").asText()).contains("Intentional sync execution error for testing");
        assertThat(error.path("exception_type").asText()).contains("RuntimeError");

        TestGraph next = new TestGraph();
        var image = next.constantImage(0.5, 8, 8);
        next.node("SaveImage", "images", image.out(0), "filename_prefix", "after_error");
        assertThat(easel.client().run(next).succeeded()).isTrue();
    }

    @Test
    void anAsyncFailureIsReportedTheSameWay() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.5, 8, 8);
        var failing = g.node("TestAsyncError", "value", image.out(0), "error_after", 0.05);
        g.node("SaveImage", "images", failing.out(0), "filename_prefix", "async_error");
        JsonNode error = easel.client().run(g).error().orElseThrow();
        assertThat(error.path("node_id").asText()).isEqualTo(failing.id);
        assertThat(error.path("exception_message").asText()).contains("Intentional async execution error for testing");
    }

    @Test
    void independentSleepsRunAtTheSameTime() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.5, 8, 8);
        List<String> sleeps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var sleep = g.node("TestSleep", "value", image.out(0), "seconds", 0.5);
            sleeps.add(sleep.id);
            g.node("SaveImage", "images", sleep.out(0), "filename_prefix", "sleep" + i);
        }
        RunResult result = easel.client().run(g);
        assertThat(result.succeeded()).isTrue();
        // Run one after another, each sleep's progress would end before the next one's began.
        List<String> order = result.ofType("progress").stream().map(m -> m.path("data").path("node").asText())
                .filter(sleeps::contains).toList();
        int switches = 0;
        for (int i = 1; i < order.size(); i++) if (!order.get(i).equals(order.get(i - 1))) switches++;
        assertThat(switches).as("progress of concurrent sleeps interleaves: %s", order).isGreaterThan(2);
    }

    @Test
    void threeThreeSecondSleepsOfAParallelSleepFinishInWellUnderNineSeconds() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.5, 8, 8);
        var parallel = g.node("TestParallelSleep", "image1", image.out(0), "image2", image.out(0), "image3", image.out(0),
                "sleep1", 3.0, "sleep2", 3.0, "sleep3", 3.0);
        g.node("PreviewImage", "images", parallel.out(0));
        RunResult result = easel.client().run(g);
        assertThat(result.succeeded()).isTrue();
        long started = result.ofType("execution_start").get(0).path("data").path("timestamp").asLong();
        long finished = result.ofType("execution_success").get(0).path("data").path("timestamp").asLong();
        // one after another the sleeps need 9 s; together about 3 s
        assertThat(finished - started).isBetween(3000L, 7000L);
    }

    @Test
    void progressCarriesTheNodeAndPromptAndProgressStateIsSent() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.5, 8, 8);
        var update = g.node("TestSyncProgressUpdate", "value", image.out(0), "sleep_seconds", 0.1);
        g.node("SaveImage", "images", update.out(0), "filename_prefix", "progress");
        RunResult result = easel.client().run(g);
        List<JsonNode> progress = result.ofType("progress");
        assertThat(progress).isNotEmpty().allSatisfy(m -> {
            assertThat(m.path("data").path("node").asText()).isEqualTo(update.id);
            assertThat(m.path("data").path("max").asDouble()).isEqualTo(1.0);
        });
        assertThat(result.ofType("progress_state")).isNotEmpty();
    }

    @Test
    void nodeIdsAndFilePrefixesKeepTheirBrackets() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.nodeWithId("my_test[server0]12", "StubConstantImage", "value", 0.55, "height", 9, "width", 9, "batch_size", 1);
        var scaled = g.nodeWithId("sg:stage1", "TestOutputNodeWithSocketOutput", "image", image.out(0), "value", 1.0);
        var save = g.nodeWithId("removeme", "SaveImage", "images", scaled.out(0), "filename_prefix", "brackets[server0]");
        RunResult result = easel.client().run(g);
        assertThat(result.didRun("my_test[server0]12")).isTrue();
        assertThat(result.didRun("sg:stage1")).isTrue();
        String file = result.images(save.id).getFirst();
        assertThat(file).startsWith("brackets[server0]");
        assertThat(easel.savedPixel(result, save.id, 0)).isEqualTo(140);

        String query = "/view?type=output&filename=" + URLEncoder.encode(file, StandardCharsets.UTF_8);
        HttpResponse<byte[]> view = easel.client().getBytes(query);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void partialExecutionRunsOnlyTheTargets() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.3, 10, 10);
        var wanted = g.node("SaveImage", "images", image.out(0), "filename_prefix", "wanted");
        var skipped = g.node("SaveImage", "images", image.out(0), "filename_prefix", "skipped");
        ObjectNode extra = TestGraph.JSON.createObjectNode();
        extra.putArray("partial_execution_targets").add(wanted.id);
        RunResult result = easel.client().run(g.json(), extra);
        assertThat(result.didRun(wanted.id)).isTrue();
        assertThat(result.didRun(skipped.id)).isFalse();

        ObjectNode none = TestGraph.JSON.createObjectNode();
        none.putArray("partial_execution_targets");
        ComfyClient.Rejected refused = catchThrowableOfType(ComfyClient.Rejected.class,
                () -> easel.client().queue(g.json(), none));
        assertThat(refused).isNotNull();
        assertThat(refused.status).isEqualTo(400);
    }
}
