package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.models.safetensors.DType;
import dev.easel.models.safetensors.SafetensorsWriter;
import dev.easel.models.text.VocabularyWriter;
import dev.easel.models.toy.ToyCheckpoints;
import dev.easel.testkit.Http;
import dev.easel.testkit.WsRecorder;
import dev.easel.testkit.WsRecorder.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.easel.app.e2e.DefaultWorkflow.defaultWorkflow;
import static dev.easel.app.e2e.DefaultWorkflow.node;
import static dev.easel.app.e2e.DefaultWorkflow.rangeFromOne;
import static dev.easel.app.e2e.DefaultWorkflow.samplerSteps;
import static dev.easel.app.e2e.DefaultWorkflow.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default workflow through the server {@code easel} starts, on a tiny random-weight
 * single-file checkpoint in SD1.5's layout at {@code models/checkpoints/x.safetensors} (configured
 * from its tensors, as any checkpoint is), with and without a LoRA from {@code models/loras}.
 */
class SingleFileOverServerTest {
    private static final String CLIENT = "0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a";

    @TempDir
    Path base;
    private LiveServer server;

    @BeforeEach
    void start() throws Exception {
        Path models = base.resolve("models");
        ToyCheckpoints.write(Files.createDirectories(models.resolve("checkpoints")).resolve("x.safetensors"),
                ToyCheckpoints.sd1(), ToyCheckpoints.SEED, DType.F16);
        VocabularyWriter.writeWithClipIds(models.resolve("tokenizers"), List.of("a", "bottle", "on", "table"));
        writeLora(Files.createDirectories(models.resolve("loras")).resolve("style.safetensors"));
        // the same networks stored one to a file, under the names such files use
        ToyCheckpoints.writePart(models.resolve("unet/x-unet.safetensors"), ToyCheckpoints.sd1(), ToyCheckpoints.SEED,
                "model.diffusion_model.", "");
        ToyCheckpoints.writePart(models.resolve("vae/x-vae.safetensors"), ToyCheckpoints.sd1(), ToyCheckpoints.SEED, "first_stage_model.", "");
        ToyCheckpoints.writePart(models.resolve("clip/x-clip-l.safetensors"), ToyCheckpoints.sd1(), ToyCheckpoints.SEED,
                "cond_stage_model.transformer.text_model.", "text_model.");
        Files.writeString(Files.createDirectories(models.resolve("configs")).resolve("v1-inference.yaml"), "model:\n");
        server = LiveServer.app(base);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    /** A LoRA on one UNet attention, the UNet's output conv and one text-encoder layer, in kohya's names. */
    private static void writeLora(Path file) throws Exception {
        Map<String, SafetensorsWriter.Entry> t = new LinkedHashMap<>();
        pair(t, "lora_unet_input_blocks_1_1_transformer_blocks_0_attn1_to_q", new long[]{32, 4}, new long[]{4, 32}, 1);
        pair(t, "lora_unet_out_2", new long[]{4, 4, 1, 1}, new long[]{4, 32, 3, 3}, 2);
        pair(t, "lora_te_text_model_encoder_layers_0_self_attn_q_proj", new long[]{32, 4}, new long[]{4, 32}, 3);
        SafetensorsWriter.write(file, t, Map.of("ss_network_module", "networks.lora"));
    }

    private static void pair(Map<String, SafetensorsWriter.Entry> into, String base, long[] up, long[] down, long seed) {
        into.put(base + ".lora_up.weight", SafetensorsWriter.floats(DType.F16, random(up, seed), up));
        into.put(base + ".lora_down.weight", SafetensorsWriter.floats(DType.F16, random(down, seed + 10), down));
        into.put(base + ".alpha", SafetensorsWriter.floats(DType.F32, new float[]{4}));
    }

    private static float[] random(long[] shape, long seed) {
        int n = 1;
        for (long d : shape) n *= (int) d;
        Random random = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (0.5 * random.nextGaussian());
        return v;
    }

    /** The default workflow with a LoraLoader (node 10) between the checkpoint and the sampler and text encoders. */
    private static ObjectNode withLora(ObjectNode prompt, double strengthModel, double strengthClip) {
        ObjectNode lora = node(prompt, "10", "LoraLoader").put("lora_name", "style.safetensors")
                .put("strength_model", strengthModel).put("strength_clip", strengthClip);
        lora.putArray("model").add("4").add(0);
        lora.putArray("clip").add("4").add(1);
        ((ObjectNode) prompt.get("3").get("inputs")).putArray("model").add("10").add(0);
        for (String encoder : List.of("6", "7")) ((ObjectNode) prompt.get(encoder).get("inputs")).putArray("clip").add("10").add(1);
        return prompt;
    }

    /** The default workflow with its model, text encoder and VAE each loaded from a file of its own. */
    private static ObjectNode fromParts(ObjectNode prompt) {
        node(prompt, "11", "UNETLoader").put("unet_name", "x-unet.safetensors").put("weight_dtype", "default");
        node(prompt, "12", "CLIPLoader").put("clip_name", "x-clip-l.safetensors").put("type", "stable_diffusion");
        node(prompt, "13", "VAELoader").put("vae_name", "x-vae.safetensors");
        prompt.remove("4");
        ((ObjectNode) prompt.get("3").get("inputs")).putArray("model").add("11").add(0);
        for (String encoder : List.of("6", "7")) ((ObjectNode) prompt.get(encoder).get("inputs")).putArray("clip").add("12").add(0);
        ((ObjectNode) prompt.get("8").get("inputs")).putArray("vae").add("13").add(0);
        return prompt;
    }

    /** Runs the prompt to its end; the file SaveImage wrote, checked against executed and /view. */
    private Path run(WsRecorder ws, ObjectNode prompt, int steps, String expectedFile) throws Exception {
        String promptId = DefaultWorkflow.queue(server, CLIENT, prompt, Map.of());
        List<Message> messages = ws.untilPromptEnd(promptId);
        assertThat(texts(messages, "execution_error")).isEmpty();
        assertThat(texts(messages, "execution_success")).hasSize(1);
        assertThat(samplerSteps(messages, promptId, steps)).containsExactlyElementsOf(rangeFromOne(steps));
        JsonNode executed = texts(messages, "executed").stream().filter(t -> t.data().path("node").asText().equals("9"))
                .findFirst().orElseThrow().data();
        JsonNode image = executed.path("output").path("images").get(0);
        assertThat(image.path("filename").asText()).isEqualTo(expectedFile);
        assertThat(image.path("type").asText()).isEqualTo("output");
        Path saved = base.resolve("output").resolve(expectedFile);
        Http.Response viewed = new Http(server.port()).get("/view?filename=" + expectedFile + "&type=output");
        assertThat(viewed.status()).isEqualTo(200);
        assertThat(viewed.bytes()).isEqualTo(Files.readAllBytes(saved));
        return saved;
    }

    private static int[] pixels(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(64);
        return image.getRGB(0, 0, 64, 64, null, 0, 64);
    }

    @Test
    void theCheckpointAndTheLoraAreListedWithComfysInputs() throws Exception {
        Http http = new Http(server.port());
        JsonNode checkpoint = http.get("/object_info/CheckpointLoaderSimple").json().path("CheckpointLoaderSimple");
        assertThat(checkpoint.path("input").path("required").path("ckpt_name").get(0)).extracting(JsonNode::asText)
                .contains("x.safetensors");
        JsonNode lora = http.get("/object_info/LoraLoader").json().path("LoraLoader");
        JsonNode required = lora.path("input").path("required");
        assertThat(required.path("lora_name").get(0).toString()).isEqualTo("[\"style.safetensors\"]");
        assertThat(required.path("strength_model").toString()).isEqualTo("[\"FLOAT\",{\"default\":1.0,\"min\":-100.0,\"max\":100.0,"
                + "\"step\":0.01,\"tooltip\":\"How strongly to modify the diffusion model. This value can be negative.\"}]");
        assertThat(lora.path("output").toString()).isEqualTo("[\"MODEL\",\"CLIP\"]");
        assertThat(lora.path("display_name").asText()).isEqualTo("Load LoRA (Model and CLIP)");
    }

    @Test
    void theDefaultWorkflowRunsOnATinySingleFileCheckpointWithAndWithoutALora() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(server.port(), "clientId=" + CLIENT)) {
            ws.awaitType("status");
            int[] plain = pixels(run(ws, defaultWorkflow("x.safetensors", 4, 42), 4, "e2e_00001_.png"));
            int[] styled = pixels(run(ws, withLora(defaultWorkflow("x.safetensors", 4, 42), 1.0, 1.0), 4, "e2e_00002_.png"));
            int[] zero = pixels(run(ws, withLora(defaultWorkflow("x.safetensors", 4, 42), 0.0, 0.0), 4, "e2e_00003_.png"));

            assertThat(styled).isNotEqualTo(plain);
            // strength 0 merges nothing: the checkpoint's own image, pixel for pixel
            assertThat(zero).isEqualTo(plain);
            // UNETLoader, CLIPLoader and VAELoader on the same networks stored apart: the same image again
            assertThat(pixels(run(ws, fromParts(defaultWorkflow("x.safetensors", 4, 42)), 4, "e2e_00004_.png"))).isEqualTo(plain);
            // CheckpointLoader with a config: the checkpoint is configured from its tensors all the same
            ObjectNode withConfig = defaultWorkflow("x.safetensors", 4, 42);
            ((ObjectNode) withConfig.get("4")).put("class_type", "CheckpointLoader");
            ((ObjectNode) withConfig.get("4").get("inputs")).put("config_name", "v1-inference.yaml");
            assertThat(pixels(run(ws, withConfig, 4, "e2e_00005_.png"))).isEqualTo(plain);
        }
    }
}
