package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.models.safetensors.DType;
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
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.easel.app.e2e.DefaultWorkflow.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flows of ComfyUI's {@code script_examples/basic_api_example.py} and
 * {@code websockets_api_example.py}, played over HTTP and WebSocket against the server
 * {@code easel} starts, with a random-weight file in SD1.5's layout named as the scripts expect,
 * {@code models/checkpoints/v1-5-pruned-emaonly.safetensors}. The prompt is the default workflow
 * ({@code examples/default-text-to-image.json}: 20 euler steps) with that ckpt_name, at 64×64
 * instead of 512×512: the tiny model's attention over 4096 tokens would take minutes on a small
 * CPU, and the flow is what the scripts rely on.
 */
class ScriptExamplesFlowTest {
    private static final String CHECKPOINT = "v1-5-pruned-emaonly.safetensors";
    private static final String CLIENT = "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    @TempDir
    Path base;
    private LiveServer server;

    @BeforeEach
    void start() throws Exception {
        Path models = base.resolve("models");
        ToyCheckpoints.write(Files.createDirectories(models.resolve("checkpoints")).resolve(CHECKPOINT), ToyCheckpoints.sd1(),
                ToyCheckpoints.SEED, DType.F16);
        VocabularyWriter.writeWithClipIds(models.resolve("tokenizers"), List.of("bottle", "galaxy"));
        server = LiveServer.app(base);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private static ObjectNode defaultWorkflow() throws Exception {
        ObjectNode prompt = (ObjectNode) LiveServer.parse(Files.readString(Path.of("..", "examples", "default-text-to-image.json")));
        ((ObjectNode) prompt.get("4").get("inputs")).put("ckpt_name", CHECKPOINT);
        ((ObjectNode) prompt.get("5").get("inputs")).put("width", 64).put("height", 64);
        return prompt;
    }

    @Test
    void basicApiExampleQueuesThePromptWithoutAClient() throws Exception {
        ObjectNode body = LiveServer.JSON.createObjectNode();
        body.set("prompt", defaultWorkflow());
        var response = server.post("/prompt", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode queued = LiveServer.parse(response.body());
        assertThat(queued.path("prompt_id").asText()).hasSize(36);
        assertThat(queued.path("number").isIntegralNumber()).isTrue();
        assertThat(queued.path("node_errors").isEmpty()).isTrue();
        String promptId = queued.path("prompt_id").asText();
        long deadline = System.nanoTime() + 120_000_000_000L;
        JsonNode entry = LiveServer.JSON.missingNode();
        while (entry.isMissingNode() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            entry = LiveServer.parse(server.get("/history/" + promptId).body()).path(promptId);
        }
        assertThat(entry.path("status").path("status_str").asText()).isEqualTo("success");
        assertThat(Files.exists(base.resolve("output/ComfyUI_00001_.png"))).isTrue();
    }

    @Test
    void websocketsApiExampleWatchesTheRunThenFetchesTheImageThroughHistoryAndView() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(server.port(), "clientId=" + CLIENT)) {
            String promptId = DefaultWorkflow.queue(server, CLIENT, defaultWorkflow(), Map.of());
            // the script reads until "executing" with node null for its prompt
            List<Message> messages = ws.untilPromptEnd(promptId);
            assertThat(texts(messages, "execution_success")).hasSize(1);
            assertThat(texts(messages, "progress")).extracting(t -> t.data().path("value").asInt())
                    .containsExactlyElementsOf(DefaultWorkflow.rangeFromOne(20));
            assertThat(texts(messages, "executing")).extracting(t -> t.data().path("node").asText(null))
                    .containsSubsequence("4", "3", "8", "9", null);

            Http http = new Http(server.port());
            JsonNode outputs = http.get("/history/" + promptId).json().path(promptId).path("outputs");
            JsonNode image = outputs.path("9").path("images").get(0);
            assertThat(image.path("filename").asText()).isEqualTo("ComfyUI_00001_.png");
            Http.Response viewed = http.get("/view?filename=" + image.path("filename").asText() + "&subfolder="
                    + image.path("subfolder").asText() + "&type=" + image.path("type").asText());
            assertThat(viewed.status()).isEqualTo(200);
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(viewed.bytes()));
            assertThat(png.getWidth()).isEqualTo(64);
            assertThat(png.getHeight()).isEqualTo(64);
            assertThat(viewed.bytes()).isEqualTo(Files.readAllBytes(base.resolve("output/ComfyUI_00001_.png")));
        }
    }
}
