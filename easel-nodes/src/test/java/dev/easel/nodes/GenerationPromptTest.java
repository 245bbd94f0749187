package dev.easel.nodes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.exec.ExecutionRequest;
import dev.easel.engine.exec.InterruptSignal;
import dev.easel.engine.exec.PromptExecutor;
import dev.easel.engine.graph.Prompt;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.files.FileSpace;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.engine.validate.PromptValidator;
import dev.easel.engine.validate.ValidationResult;
import dev.easel.models.demo.DemoModel;
import dev.easel.nodes.loaders.ModelLibraries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** ComfyUI's default workflow as an API prompt, run by the engine: the events a client would see. */
class GenerationPromptTest {
    private static final String WORKFLOW = """
            {"4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "demo"}},
             "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a bottle on a table", "clip": ["4", 1]}},
             "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
             "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 64, "height": 64, "batch_size": 1}},
             "3": {"class_type": "KSampler", "inputs": {"model": ["4", 0], "seed": 7, "steps": 5, "cfg": 7.0,
                   "sampler_name": "euler", "scheduler": "normal", "positive": ["6", 0], "negative": ["7", 0],
                   "latent_image": ["5", 0], "denoise": 1.0}},
             "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
             "9": {"class_type": "PreviewImage", "inputs": {"images": ["8", 0]}}}
            """;

    @TempDir
    static Path base;

    @BeforeAll
    static void writeModel() throws Exception {
        DemoModel.writeTo(base.resolve("models/checkpoints/demo"));
    }

    private static NodeRegistry registry(String serverPreviewMethod) {
        PackEnvironment under = PackEnvironment.under(base);
        PackEnvironment env = new PackEnvironment(under.baseDir(), under.outputDir(), under.inputDir(), under.tempDir(),
                false, serverPreviewMethod, 512, Map.of());
        return NodeRegistry.builder().addPack(new CoreNodePack(), env)
                .addPack(new GenerationNodePack(new ModelLibraries(1L << 31)), env).build();
    }

    private static Prompt prompt(String seed) throws Exception {
        return Prompt.parse((ObjectNode) new ObjectMapper().readTree(WORKFLOW.replace("\"seed\": 7", "\"seed\": " + seed)));
    }

    private List<ExecutionEvent> run(String serverPreviewMethod, Map<String, Object> extraData) throws Exception {
        NodeRegistry registry = registry(serverPreviewMethod);
        Prompt prompt = prompt("7");
        List<ExecutionEvent> events = new CopyOnWriteArrayList<>();
        new PromptExecutor(registry, CachePolicy.classic())
                .execute(new ExecutionRequest("p1", prompt, List.of("9"), extraData, FileSpace.under(base)), events::add, new InterruptSignal());
        return events;
    }

    private static List<Integer> samplerProgress(List<ExecutionEvent> events) {
        return events.stream().filter(e -> e instanceof ExecutionEvent.Progress p && p.nodeId().equals("3"))
                .map(e -> ((ExecutionEvent.Progress) e).value().intValue()).toList();
    }

    @Test
    void everySamplerStepIsReportedBeforeTheDecoderRunsWithTheNewestStepPreviewed() throws Exception {
        List<ExecutionEvent> events = run("none", Map.of("preview_method", "latent2rgb"));
        assertThat(events.get(events.size() - 1)).isInstanceOf(ExecutionEvent.ExecutionSuccess.class);
        assertThat(samplerProgress(events)).containsExactly(1, 2, 3, 4, 5);
        int lastProgress = -1, decoding = -1, lastPreview = -1;
        for (int i = 0; i < events.size(); i++) {
            ExecutionEvent e = events.get(i);
            if (e instanceof ExecutionEvent.Progress p && p.nodeId().equals("3")) lastProgress = i;
            if (e instanceof ExecutionEvent.PreviewImage p && p.nodeId().equals("3")) lastPreview = i;
            if (e instanceof ExecutionEvent.Executing x && x.nodeId().equals("8")) decoding = i;
        }
        // the last step's preview comes just before its progress message, and both before the next node
        assertThat(lastPreview).isEqualTo(lastProgress - 1);
        assertThat(lastProgress).isLessThan(decoding);
    }

    @Test
    void aPromptThatTurnsPreviewsOffGetsProgressWithoutImages() throws Exception {
        List<ExecutionEvent> events = run("latent2rgb", Map.of("preview_method", "none"));
        assertThat(samplerProgress(events)).containsExactly(1, 2, 3, 4, 5);
        assertThat(events).noneMatch(e -> e instanceof ExecutionEvent.PreviewImage);
    }

    @Test
    void validationAcceptsComfysLargestSeedAndRejectsOneMore() throws Exception {
        PromptValidator validator = new PromptValidator(registry("none"));
        assertThat(validator.validate(prompt("18446744073709551615"), Optional.empty(), FileSpace.under(base)))
                .isEqualTo(new ValidationResult.Valid(List.of("9"), Map.of()));
        ValidationResult tooBig = validator.validate(prompt("18446744073709551616"), Optional.empty(), FileSpace.under(base));
        assertThat(tooBig.nodeErrors().get("3").errors()).singleElement().satisfies(error -> {
            assertThat(error.type()).isEqualTo("value_bigger_than_max");
            assertThat(error.message()).isEqualTo("Value 18446744073709551616 bigger than max of 18446744073709551615");
        });
    }
}
