package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.testkit.WsRecorder;
import dev.easel.engine.cache.CachePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow of ComfyUI's {@code websockets_api_example_ws_images.py}, played against a real
 * server: connect with a clientId, queue {@code EmptyImage → SaveImageWebsocket} with that
 * client_id, watch it run, receive the images as binary frames, stop at {@code executing null}.
 */
class WebsocketImagesFlowTest {
    private static final String CLIENT = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path base;
    private LiveServer server;

    @BeforeEach
    void start() {
        server = new LiveServer(base, CachePolicy.classic());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** 64×32, two images, colour #FF8000. */
    private static ObjectNode emptyImageToWebsocket() {
        ObjectNode prompt = LiveServer.JSON.createObjectNode();
        ObjectNode empty = prompt.putObject("1");
        empty.put("class_type", "EmptyImage");
        empty.putObject("inputs").put("width", 64).put("height", 32).put("batch_size", 2).put("color", 0xFF8000);
        ObjectNode save = prompt.putObject("2");
        save.put("class_type", "SaveImageWebsocket");
        save.putObject("inputs").putArray("images").add("1").add(0);
        return prompt;
    }

    private static List<String> kinds(List<WsRecorder.Message> frames) {
        return frames.stream().map(f -> f instanceof WsRecorder.Message.Text t ? t.type() : "BINARY").toList();
    }

    private static WsRecorder.Message.Text text(List<WsRecorder.Message> frames, String type, int nth) {
        return frames.stream().filter(f -> f instanceof WsRecorder.Message.Text t && t.type().equals(type))
                .map(WsRecorder.Message.Text.class::cast).skip(nth).findFirst().orElseThrow();
    }

    private static List<byte[]> binaries(List<WsRecorder.Message> frames) {
        return frames.stream().filter(f -> f instanceof WsRecorder.Message.Binary).map(f -> ((WsRecorder.Message.Binary) f).bytes()).toList();
    }

    private static void assertOrangePng(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(32);
        for (int[] xy : new int[][]{{0, 0}, {63, 31}, {17, 9}}) {
            int rgb = image.getRGB(xy[0], xy[1]);
            assertThat(new int[]{(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF}).containsExactly(255, 128, 0);
        }
    }

    @Test
    void theWebsocketImagesExampleReceivesEveryImageAsAType1PngFrame() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(server.server.port(), "clientId=" + CLIENT)) {
            WsRecorder.Message.Text hello = ws.nextText();
            // ComfyUI's greeting, plus the id of this server start
            assertThat(hello.json().toString()).isEqualTo("{\"type\":\"status\",\"data\":{\"status\":{\"exec_info\":"
                    + "{\"queue_remaining\":0}},\"instance_id\":\"" + server.server.instanceId() + "\",\"sid\":\"" + CLIENT + "\"}}");

            String promptId = server.queue(emptyImageToWebsocket(), CLIENT);
            List<WsRecorder.Message> frames = ws.until(WsRecorder.promptEnd(promptId));

            assertThat(kinds(frames)).containsExactly(
                    "status", "status", "execution_start", "execution_cached",
                    "progress_state", "executing", "progress_state",
                    "progress_state", "executing",
                    "progress_state", "progress", "BINARY",
                    "progress_state", "progress", "BINARY",
                    "progress_state", "execution_success", "status", "executing");
            assertThat(text(frames, "execution_start", 0).data().get("prompt_id").asText()).isEqualTo(promptId);
            assertThat(text(frames, "execution_cached", 0).data().get("nodes")).isEmpty();
            assertThat(text(frames, "executing", 0).data().toString())
                    .isEqualTo("{\"node\":\"1\",\"display_node\":\"1\",\"prompt_id\":\"" + promptId + "\"}");
            assertThat(text(frames, "executing", 1).data().get("node").asText()).isEqualTo("2");
            JsonNode firstProgress = text(frames, "progress", 0).data();
            assertThat(firstProgress.get("value").asInt()).isZero();
            assertThat(firstProgress.get("max").asInt()).isEqualTo(2);
            assertThat(firstProgress.get("node").asText()).isEqualTo("2");
            assertThat(text(frames, "progress", 1).data().get("value").asInt()).isEqualTo(1);
            assertThat(text(frames, "execution_success", 0).data().get("prompt_id").asText()).isEqualTo(promptId);
            assertThat(text(frames, "status", 2).data().at("/status/exec_info/queue_remaining").asInt()).isZero();

            List<byte[]> images = binaries(frames);
            assertThat(images).hasSize(2);
            for (byte[] frame : images) {
                assertThat(Arrays.copyOfRange(frame, 0, 8)).containsExactly(0, 0, 0, 1, 0, 0, 0, 2);
                assertOrangePng(Arrays.copyOfRange(frame, 8, frame.length));
            }
        }
    }

    @Test
    void aClientThatNegotiatesPreviewMetadataGetsType4FramesBeforeEachProgress() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(server.server.port(), "clientId=" + CLIENT)) {
            ws.nextText();
            ws.send("{\"type\":\"feature_flags\",\"data\":{\"supports_preview_metadata\":true}}");
            WsRecorder.Message.Text flags = ws.nextText();
            assertThat(flags.type()).isEqualTo("feature_flags");
            assertThat(flags.data().get("supports_preview_metadata").asBoolean()).isTrue();

            String promptId = server.queue(emptyImageToWebsocket(), CLIENT);
            List<WsRecorder.Message> frames = ws.until(WsRecorder.promptEnd(promptId));
            List<String> kinds = kinds(frames);
            int firstBinary = kinds.indexOf("BINARY");
            assertThat(kinds.subList(firstBinary - 1, firstBinary + 2)).containsExactly("progress_state", "BINARY", "progress");

            List<byte[]> images = binaries(frames);
            assertThat(images).hasSize(2);
            for (byte[] frame : images) {
                ByteBuffer header = ByteBuffer.wrap(frame);
                assertThat(header.getInt(0)).isEqualTo(4);
                int length = header.getInt(4);
                JsonNode metadata = LiveServer.parse(new String(frame, 8, length, StandardCharsets.UTF_8));
                assertThat(metadata.toString()).isEqualTo("{\"node_id\":\"2\",\"prompt_id\":\"" + promptId
                        + "\",\"display_node_id\":\"2\",\"parent_node_id\":null,\"real_node_id\":\"2\",\"image_type\":\"image/png\"}");
                assertOrangePng(Arrays.copyOfRange(frame, 8 + length, frame.length));
            }
        }
    }

    @Test
    void aSecondIdenticalPromptShowsTheCachedNodeAndDoesNotExecuteIt() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(server.server.port(), "clientId=" + CLIENT)) {
            ws.nextText();
            ws.until(WsRecorder.promptEnd(server.queue(emptyImageToWebsocket(), CLIENT)));

            String second = server.queue(emptyImageToWebsocket(), CLIENT);
            List<WsRecorder.Message> frames = ws.until(WsRecorder.promptEnd(second));
            assertThat(text(frames, "execution_cached", 0).data().get("nodes").toString()).isEqualTo("[\"1\"]");
            List<String> executing = frames.stream()
                    .filter(f -> f instanceof WsRecorder.Message.Text t && t.type().equals("executing") && !t.data().get("node").isNull())
                    .map(f -> ((WsRecorder.Message.Text) f).data().get("node").asText()).toList();
            assertThat(executing).containsExactly("2");
            assertThat(binaries(frames)).hasSize(2);
        }
    }
}
