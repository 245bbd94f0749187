package dev.easel.testingnodes.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Async nodes, output nodes, progress routing and job records through a real server. */
class AsyncE2ETest {
    @RegisterExtension
    static final EaselFixture easel = EaselFixture.classic();

    @Test
    void dynamicallyGeneratedSleepsAverageTheirAlternatingImages() throws Exception {
        TestGraph g = new TestGraph();
        var black = g.stubImage("BLACK", 20, 20);
        var white = g.stubImage("WHITE", 20, 20);
        var generator = g.node("TestDynamicAsyncGeneration", "image1", black.out(0), "image2", white.out(0),
                "num_async_nodes", 3, "sleep_duration", 0.1);
        var save = g.node("SaveImage", "images", generator.out(0), "filename_prefix", "generated");
        RunResult result = easel.client().run(g);
        assertThat(result.succeeded()).isTrue();
        assertThat(easel.savedPixel(result, save.id, 0)).isEqualTo(85); // mean of black, white, black
    }

    @Test
    void anAsyncLazyCheckEvaluatesOnlyTheSelectedInput() throws Exception {
        TestGraph g = new TestGraph();
        var first = g.constantImage(0.11, 20, 20);
        var second = g.constantImage(0.22, 20, 20);
        var check = g.node("TestAsyncLazyCheck", "input1", first.out(0), "input2", second.out(0), "condition", false);
        g.node("SaveImage", "images", check.out(0), "filename_prefix", "lazy_async");
        RunResult result = easel.client().run(g);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.didRun(second.id)).isTrue();
        assertThat(result.didRun(first.id)).isFalse();
    }

    @Test
    void anOutputNodeWithASocketRunsAndFeedsItsConsumer() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.5, 21, 21);
        var output = g.node("TestOutputNodeWithSocketOutput", "image", image.out(0), "value", 0.5);
        var save = g.node("SaveImage", "images", output.out(0), "filename_prefix", "socket");
        RunResult result = easel.client().run(g);
        assertThat(result.didRun(output.id)).isTrue();
        assertThat(easel.savedPixel(result, save.id, 0)).isEqualTo(63);
    }

    @Test
    void progressStateGoesOnlyToTheSubmittingClientAndCoversNodesWithoutProgress() throws Exception {
        try (ComfyClient bystander = new ComfyClient(easel.server().port())) {
            TestGraph g = new TestGraph();
            var image = g.constantImage(0.33, 22, 22);
            g.node("SaveImage", "images", image.out(0), "filename_prefix", "state");
            int statusesBefore = bystander.count("status");
            RunResult result = easel.client().run(g);
            // the queue status broadcast after the run reaches every socket after anything sent before it
            bystander.awaitCount("status", statusesBefore + 1);
            List<JsonNode> states = result.ofType("progress_state");
            assertThat(states).isNotEmpty();
            assertThat(states).anySatisfy(m -> assertThat(m.path("data").path("nodes").path(image.id).path("state").asText())
                    .isEqualTo("finished"));
            assertThat(bystander.messagesAbout(result.promptId()))
                    .noneSatisfy(m -> assertThat(m.path("type").asText()).isEqualTo("progress_state"));
        }
    }

    @Test
    void aRunServedEntirelyFromCacheStillListsItsOutputInTheJob() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.constantImage(0.44, 23, 23);
        var save = g.node("SaveImage", "images", image.out(0), "filename_prefix", "job");
        easel.client().run(g);
        RunResult again = easel.client().run(g);
        assertThat(again.didRun(save.id)).isFalse();
        JsonNode job = easel.client().get("/api/jobs/" + again.promptId());
        assertThat(job.path("outputs").has(save.id)).as("job %s", job).isTrue();
        assertThat(job.path("outputs_count").asInt()).isEqualTo(1);
    }
}
