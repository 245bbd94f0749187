package dev.easel.testingnodes.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Custom validation, link type checks and partially valid prompts through a real server. */
class ValidationE2ETest {
    @RegisterExtension
    static final EaselFixture easel = EaselFixture.classic();

    private static TestGraph linkedInto(String validator, String stub, Object value) {
        TestGraph g = new TestGraph();
        var source = g.node(stub, "value", value);
        var check = g.node(validator, "input1", source.out(0), "input2", 3.0);
        g.node("SaveImage", "images", check.out(0), "filename_prefix", "validated");
        return g;
    }

    private static ComfyClient.Rejected rejected(TestGraph g) {
        return catchThrowableOfType(ComfyClient.Rejected.class, () -> easel.client().run(g));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TestCustomValidation1", "TestCustomValidation2", "TestCustomValidation3", "TestCustomValidation4"})
    void anIntOutputIsRefusedAndAFloatOutputAccepted(String validator) throws Exception {
        assertThat(rejected(linkedInto(validator, "StubInt", 5))).isNotNull()
                .satisfies(r -> assertThat(r.status).isEqualTo(400));
        assertThat(easel.client().run(linkedInto(validator, "StubFloat", 5.0)).succeeded()).isTrue();
    }

    @Test
    void anIntLiteralIsRefusedWhereAFloatLiteralPasses() throws Exception {
        TestGraph g = new TestGraph();
        var check = g.node("TestCustomValidation1", "input1", 5, "input2", 3.0);
        var save = g.node("SaveImage", "images", check.out(0), "filename_prefix", "literal");
        ComfyClient.Rejected refused = rejected(g);
        assertThat(refused).isNotNull();
        JsonNode errors = refused.body.path("node_errors").path(check.id).path("errors");
        assertThat(errors.get(0).path("type").asText()).isEqualTo("custom_validation_failed");
        assertThat(errors.toString()).contains("Invalid type of input1: <class 'int'>");

        check.set("input1", 0.5).set("input2", 0.5);
        RunResult accepted = easel.client().run(g);
        assertThat(accepted.succeeded()).isTrue();
        assertThat(easel.savedPixel(accepted, save.id, 0)).isEqualTo(63);
    }

    @Test
    void takingEveryInputSkipsBoundsAndOnlySevenFails() throws Exception {
        TestGraph g = new TestGraph();
        var check = g.node("TestCustomValidation5", "input1", 5.0, "input2", 0.1);
        var save = g.node("SaveImage", "images", check.out(0), "filename_prefix", "five");
        RunResult accepted = easel.client().run(g);
        assertThat(accepted.succeeded()).isTrue();
        assertThat(easel.savedPixel(accepted, save.id, 0)).isEqualTo(127);

        check.set("input2", 7.0);
        ComfyClient.Rejected refused = rejected(g);
        assertThat(refused.body.path("node_errors").path(check.id).toString()).contains("I've never liked 7s");
    }

    @Test
    void aValidOutputStillRunsBesideAnInvalidOne() throws Exception {
        TestGraph g = new TestGraph();
        var bad = g.node("TestCustomValidation1", "input1", 5, "input2", 3.0);
        g.node("SaveImage", "images", bad.out(0), "filename_prefix", "bad");
        var good = g.constantImage(0.5, 7, 7);
        var goodSave = g.node("SaveImage", "images", good.out(0), "filename_prefix", "good");
        RunResult result = easel.client().run(g);
        assertThat(result.answer().path("node_errors").has(bad.id)).isTrue();
        assertThat(result.didRun(goodSave.id)).isTrue();
        assertThat(result.images(goodSave.id)).hasSize(1);
    }

    @Test
    void slowValidationReportsItsMessage() throws Exception {
        TestGraph g = new TestGraph();
        var node = g.node("TestAsyncValidation", "value", 15.0, "threshold", 10.0);
        g.node("SaveImage", "images", node.out(0), "filename_prefix", "async_validation");
        ComfyClient.Rejected refused = rejected(g);
        assertThat(refused.body.path("node_errors").path(node.id).toString()).contains("Value 15.0 exceeds threshold 10.0");

        node.set("value", 5.0);
        assertThat(easel.client().run(g).succeeded()).isTrue();
    }
}
