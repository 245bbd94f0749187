package dev.easel.testingnodes.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Partial execution with the pack's output and lazy nodes, and jobs of anonymous prompts. */
class TargetsAndJobsE2ETest {
    @RegisterExtension
    static final EaselFixture easel = EaselFixture.classic();

    private static RunResult runTargeting(TestGraph g, String... targets) throws Exception {
        ObjectNode extra = TestGraph.JSON.createObjectNode();
        var list = extra.putArray("partial_execution_targets");
        for (String target : targets) list.add(target);
        return easel.client().run(g.json(), extra);
    }

    @Test
    void anUntargetedOutputNodeStillRunsWhenATargetNeedsIt() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.stubImage("BLACK", 40, 40);
        var withSocket = g.node("TestOutputNodeWithSocketOutput", "image", image.out(0), "value", 2.0);
        var mask = g.stubMask(0.5, 40, 40);
        var mix = g.node("TestLazyMixImages", "image1", withSocket.out(0), "image2", image.out(0), "mask", mask.out(0));
        var target = g.node("SaveImage", "images", mix.out(0), "filename_prefix", "target");
        var other = g.node("SaveImage", "images", image.out(0), "filename_prefix", "other");
        RunResult result = runTargeting(g, target.id);
        assertThat(result.didRun(withSocket.id)).isTrue();
        assertThat(result.didRun(mix.id)).isTrue();
        assertThat(result.didRun(target.id)).isTrue();
        assertThat(result.didRun(other.id)).isFalse();
    }

    @Test
    void lazinessStillAppliesUnderPartialExecution() throws Exception {
        TestGraph g = new TestGraph();
        var first = g.stubImage("BLACK", 41, 41);
        var second = g.stubImage("WHITE", 41, 41);
        var third = g.stubImage("NOISE", 41, 41);
        var zero = g.stubMask(0.0, 41, 41);
        var half = g.stubMask(0.5, 41, 41);
        var mix1 = g.node("TestLazyMixImages", "image1", first.out(0), "image2", second.out(0), "mask", zero.out(0));
        var mix2 = g.node("TestLazyMixImages", "image1", second.out(0), "image2", third.out(0), "mask", half.out(0));
        var out1 = g.node("SaveImage", "images", mix1.out(0), "filename_prefix", "lazy_target");
        var out2 = g.node("SaveImage", "images", mix2.out(0), "filename_prefix", "lazy_other");
        RunResult result = runTargeting(g, out1.id);
        assertThat(result.didRun(first.id)).isTrue();
        assertThat(result.didRun(second.id)).isFalse();
        assertThat(result.didRun(third.id)).isFalse();
        assertThat(result.didRun(half.id)).isFalse();
        assertThat(result.didRun(mix2.id)).isFalse();
        assertThat(result.didRun(out2.id)).isFalse();
        assertThat(result.images(out1.id)).hasSize(1);
    }

    @Test
    void aCachedRunWithoutAClientStillListsItsOutputs() throws Exception {
        TestGraph g = new TestGraph();
        var image = g.stubImage("BLACK", 42, 42);
        var save = g.node("SaveImage", "images", image.out(0), "filename_prefix", "anonymous");
        easel.client().run(g);

        ObjectNode body = TestGraph.JSON.createObjectNode();
        body.set("prompt", g.json());
        HttpResponse<String> response = easel.client().post("/prompt", body.toString());
        String promptId = TestGraph.JSON.readTree(response.body()).path("prompt_id").asText();
        JsonNode job = null;
        for (int attempt = 0; attempt < 600; attempt++) {
            job = easel.client().get("/api/jobs/" + promptId);
            String status = job.path("status").asText();
            if (!status.equals("pending") && !status.equals("in_progress") && !status.isEmpty()) break;
            Thread.sleep(50);
        }
        assertThat(job.path("status").asText()).isEqualTo("completed");
        assertThat(job.path("outputs").has(save.id)).as("job %s", job).isTrue();
    }
}
