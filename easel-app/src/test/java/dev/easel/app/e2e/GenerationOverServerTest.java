package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.models.toy.ToyDiffusers;
import dev.easel.models.demo.DemoModel;
import dev.easel.testkit.Http;
import dev.easel.testkit.Multipart;
import dev.easel.testkit.WsRecorder;
import dev.easel.testkit.WsRecorder.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.easel.app.e2e.DefaultWorkflow.binaries;
import static dev.easel.app.e2e.DefaultWorkflow.defaultWorkflow;
import static dev.easel.app.e2e.DefaultWorkflow.node;
import static dev.easel.app.e2e.DefaultWorkflow.rangeFromOne;
import static dev.easel.app.e2e.DefaultWorkflow.samplerSteps;
import static dev.easel.app.e2e.DefaultWorkflow.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ComfyUI's default text-to-image workflow through the server {@code easel} starts, on toy
 * SD1.5-, SD2-v- and SDXL-shaped ONNX folders in {@code models/checkpoints}, watched over a real
 * WebSocket as ComfyUI's {@code websockets_api_example.py} watches it.
 */
class GenerationOverServerTest {
    private static final String CLIENT = "5b1c0d7e9a2f4e6c8d0b1a3c5e7f9a1b";

    @TempDir
    Path base;
    private LiveServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private void start(String... flags) {
        Path checkpoints = base.resolve("models/checkpoints");
        Map.of("toy-sd15", ToyDiffusers.sd15(), "toy-sd2v", ToyDiffusers.sd2v(), "toy-sdxl", ToyDiffusers.sdxl())
                .forEach((name, toy) -> toy.vocabulary(List.of("a", "bottle", "on", "table")).writeTo(checkpoints.resolve(name)));
        server = LiveServer.app(base, flags);
    }

    private String queue(ObjectNode prompt, Map<String, String> extraData) throws Exception {
        return DefaultWorkflow.queue(server, CLIENT, prompt, extraData);
    }

    /** Type 1 (PREVIEW_IMAGE), format 1 (JPEG), then the JPEG. */
    private static BufferedImage previewImage(Message.Binary frame) throws Exception {
        byte[] bytes = frame.bytes();
        assertThat(frame.eventType()).isEqualTo(1);
        assertThat(java.nio.ByteBuffer.wrap(bytes).getInt(4)).isEqualTo(1);
        assertThat(Arrays.copyOfRange(bytes, 8, 10)).containsExactly(0xFF, 0xD8);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes, 8, bytes.length - 8));
        assertThat(image).isNotNull();
        return image;
    }

    @ParameterizedTest
    @ValueSource(strings = {"toy-sd15", "toy-sd2v", "toy-sdxl"})
    void theDefaultWorkflowReportsEveryStepAndSavesTheImage(String checkpoint) throws Exception {
        start("--preview-method", "latent2rgb", "--preview-size", "48");
        try (WsRecorder ws = WsRecorder.connect(server.port(), "clientId=" + CLIENT)) {
            ws.awaitType("status");
            int steps = 6;
            String promptId = queue(defaultWorkflow(checkpoint, steps, 42), Map.of());
            List<Message> messages = ws.untilPromptEnd(promptId);

            assertThat(texts(messages, "execution_success")).hasSize(1);
            assertThat(samplerSteps(messages, promptId, steps)).containsExactlyElementsOf(rangeFromOne(steps));
            // previews are latest-wins: the sampler never waits for one, and the last step always has one
            List<Message.Binary> previews = binaries(messages);
            assertThat(previews).isNotEmpty().hasSizeLessThanOrEqualTo(steps);
            for (Message.Binary preview : previews) {
                BufferedImage image = previewImage(preview);
                // the 8×8 Latent2RGB image scaled to fit --preview-size, as ComfyUI's ImageOps.contain does
                assertThat(image.getWidth()).isEqualTo(48);
                assertThat(image.getHeight()).isEqualTo(48);
            }
            List<String> types = WsRecorder.types(messages);
            int lastProgress = types.lastIndexOf("progress");
            assertThat(types.subList(lastProgress, types.size())).contains("binary:1");

            JsonNode executed = texts(messages, "executed").stream().filter(t -> t.data().path("node").asText().equals("9"))
                    .findFirst().orElseThrow().data();
            JsonNode image = executed.path("output").path("images").get(0);
            assertThat(image.path("filename").asText()).isEqualTo("e2e_00001_.png");
            assertThat(image.path("subfolder").asText()).isEmpty();
            assertThat(image.path("type").asText()).isEqualTo("output");
            Path saved = base.resolve("output/e2e_00001_.png");
            BufferedImage onDisk = ImageIO.read(saved.toFile());
            assertThat(onDisk.getWidth()).isEqualTo(64);
            assertThat(onDisk.getHeight()).isEqualTo(64);
            Http.Response viewed = new Http(server.port()).get("/view?filename=e2e_00001_.png&type=output");
            assertThat(viewed.status()).isEqualTo(200);
            assertThat(viewed.bytes()).isEqualTo(Files.readAllBytes(saved));
        }
    }

    @Test
    void previewMethodNoneInThePromptSendsProgressWithoutPreviews() throws Exception {
        start("--preview-method", "latent2rgb");
        try (WsRecorder ws = WsRecorder.connect(server.port(), "clientId=" + CLIENT)) {
            ws.awaitType("status");
            String promptId = queue(defaultWorkflow("toy-sd15", 5, 1), Map.of("preview_method", "none"));
            List<Message> messages = ws.untilPromptEnd(promptId);
            assertThat(samplerSteps(messages, promptId, 5)).containsExactly(1, 2, 3, 4, 5);
            assertThat(binaries(messages)).isEmpty();
            assertThat(texts(messages, "execution_success")).hasSize(1);
        }
    }
    /**
     * The demo model at 512×512, where a step takes longer than a preview takes to encode once
     * the encoder is warm (the first run of a server warms it): every step has its own preview.
     */
    @Test
    void onTheDemoModelEveryStepHasItsPreview() throws Exception {
        start("--preview-method", "auto");
        int steps = 8;
        try (WsRecorder ws = WsRecorder.connect(server.port(), "clientId=" + CLIENT)) {
            ws.awaitType("status");
            ObjectNode workflow = defaultWorkflow(DemoModel.NAME, steps, 7);
            ((ObjectNode) workflow.get("5").get("inputs")).put("width", 512).put("height", 512);
            ws.untilPromptEnd(queue(workflow, Map.of()));
            ((ObjectNode) workflow.get("3").get("inputs")).put("seed", 8);
            String promptId = queue(workflow, Map.of());
            List<Message> messages = ws.untilPromptEnd(promptId);
            assertThat(samplerSteps(messages, promptId, steps)).containsExactlyElementsOf(rangeFromOne(steps));
            List<String> sampling = WsRecorder.types(messages).stream()
                    .filter(type -> type.equals("progress") || type.startsWith("binary")).toList();
            assertThat(sampling).containsExactlyElementsOf(java.util.Collections.nCopies(steps, List.of("progress", "binary:1"))
                    .stream().flatMap(List::stream).toList());
            for (Message.Binary preview : binaries(messages)) {
                BufferedImage image = previewImage(preview);
                assertThat(image.getWidth()).isEqualTo(512);
                assertThat(image.getHeight()).isEqualTo(512);
            }
        }
    }

    @Test
    void anInterruptStopsSamplingAtTheNextStep() throws Exception {
        start();
        try (WsRecorder ws = WsRecorder.connect(server.port(), "clientId=" + CLIENT)) {
            ws.awaitType("status");
            String promptId = queue(defaultWorkflow("toy-sd15", 10_000, 3), Map.of());
            ws.awaitType("progress");
            assertThat(server.post("/interrupt", "").statusCode()).isEqualTo(200);
            List<Message> rest = ws.untilPromptEnd(promptId);

            Message.Text interrupted = texts(rest, "execution_interrupted").getFirst();
            assertThat(interrupted.data().path("prompt_id").asText()).isEqualTo(promptId);
            assertThat(interrupted.data().path("node_id").asText()).isEqualTo("3");
            assertThat(interrupted.data().path("node_type").asText()).isEqualTo("KSampler");
            assertThat(texts(rest, "execution_success")).isEmpty();
            assertThat(texts(rest, "executed")).isEmpty();
            assertThat(samplerSteps(rest, promptId, 10_000).size()).isLessThan(10_000);
            JsonNode status = LiveServer.parse(server.get("/history/" + promptId).body()).path(promptId).path("status");
            assertThat(status.path("status_str").asText()).isEqualTo("error");
            assertThat(status.path("completed").asBoolean()).isFalse();
            assertThat(Files.exists(base.resolve("output/e2e_00001_.png"))).isFalse();
        }
    }

    /**
     * A client that stops reading while ~36 MB of its own images are queued for it: its next
     * prompt samples to the end without waiting for it, and when it reads again it gets only the
     * newest preview of that run (the queued older ones gave way), after the last step's progress.
     */
    @Test
    void aClientThatStopsReadingGetsOnlyTheNewestPreviewAndTheRunGoesOn() throws Exception {
        start("--preview-method", "latent2rgb");
        Http http = new Http(server.port());
        Multipart upload = new Multipart().file("image", "noise.png", noisePng(1024, 1024));
        assertThat(http.send(http.request("/upload/image", "Content-Type", upload.contentType())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(upload.body())).build()).status())
                .isEqualTo(200);
        ObjectNode images = LiveServer.JSON.createObjectNode();
        node(images, "1", "LoadImage").put("image", "noise.png");
        for (int i = 2; i < 14; i++) node(images, String.valueOf(i), "SaveImageWebsocket").putArray("images").add("1").add(0);
        int steps = 12;
        try (WsRecorder stuck = WsRecorder.connectPaused(server.port(), "clientId=" + CLIENT)) {
            String imagesId = queue(images, Map.of());
            String generationId = queue(defaultWorkflow("toy-sd15", steps, 5), Map.of());
            JsonNode history = awaitHistory(generationId);
            assertThat(history.path("status").path("status_str").asText()).isEqualTo("success");

            stuck.resume();
            List<Message> first = stuck.untilPromptEnd(imagesId);
            // SaveImageWebsocket's images are type-1 frames too, as in ComfyUI, but outputs: never dropped
            assertThat(binaries(first)).extracting(Message.Binary::eventType).containsOnly(1).hasSize(12);
            List<Message> generation = stuck.untilPromptEnd(generationId);
            assertThat(samplerSteps(generation, generationId, steps)).containsExactlyElementsOf(rangeFromOne(steps));
            List<String> types = WsRecorder.types(generation);
            assertThat(types.stream().filter(t -> t.equals("binary:1"))).hasSize(1);
            assertThat(types.indexOf("binary:1")).isGreaterThan(types.lastIndexOf("progress"));
            previewImage(binaries(generation).getFirst());
        }
    }

    private JsonNode awaitHistory(String promptId) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode entry = LiveServer.parse(server.get("/history/" + promptId).body()).path(promptId);
            if (!entry.isMissingNode()) return entry;
            Thread.sleep(50);
        }
        throw new AssertionError("prompt " + promptId + " did not finish while its client was not reading");
    }

    /** Random RGB: a PNG that does not compress (about 3 bytes a pixel). */
    private static byte[] noisePng(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(11);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) image.setRGB(x, y, random.nextInt(1 << 24));
        }
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
    /**
     * {@code POST /free} with {@code unload_models} between two prompts: the second reuses the
     * loader's cached output, whose checkpoint loads again when the sampler needs it.
     */
    @Test
    void aCheckpointUnloadedByFreeLoadsAgainForTheNextPrompt() throws Exception {
        start();
        try (WsRecorder ws = WsRecorder.connect(server.port(), "clientId=" + CLIENT)) {
            ws.awaitType("status");
            ws.untilPromptEnd(queue(defaultWorkflow("toy-sdxl", 2, 1), Map.of()));
            assertThat(server.post("/free", "{\"unload_models\": true}").statusCode()).isEqualTo(200);
            String second = queue(defaultWorkflow("toy-sdxl", 2, 2), Map.of());
            List<Message> messages = ws.untilPromptEnd(second);

            assertThat(texts(messages, "execution_cached").getFirst().data().path("nodes"))
                    .extracting(JsonNode::asText).contains("4");
            assertThat(texts(messages, "execution_success")).hasSize(1);
            assertThat(Files.exists(base.resolve("output/e2e_00002_.png"))).isTrue();
        }
    }
}
