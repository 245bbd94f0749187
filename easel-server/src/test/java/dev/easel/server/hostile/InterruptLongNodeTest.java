package dev.easel.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.testkit.WsRecorder;
import dev.easel.testkit.WsRecorder.Message;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 10, last part: {@code /interrupt} stops a long resize inside the node. The interrupt
 * is sent once the socket says the resize has begun; had the node run to its end, the run would
 * stop only before the next node (the preview) and name that one.
 */
class InterruptLongNodeTest extends HostileServerTest {

    private static Map<String, Object> upscale(int size) {
        return map("1", map("class_type", "EmptyImage", "inputs", map("width", 1024, "height", 1024, "batch_size", 1,
                        "color", 0x336699)),
                "2", map("class_type", "ImageScale", "inputs", map("image", List.of("1", 0), "upscale_method", "lanczos",
                        "width", size, "height", size, "crop", "disabled")),
                "3", map("class_type", "PreviewImage", "inputs", map("images", List.of("2", 0))));
    }

    @Test
    void anInterruptStopsALargeUpscaleMidwayAndTheServerGoesOn() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=watcher")) {
            String id = submit(upscale(6144), "watcher");
            ws.until(m -> m instanceof Message.Text t && t.type().equals("executing")
                    && t.data().path("node").asText().equals("2"));
            assertOk(fx.http.post("/interrupt", ""));
            List<Message> rest = ws.untilPromptEnd(id);
            assertThat(WsRecorder.types(rest)).containsSubsequence("execution_interrupted", "executing")
                    .doesNotContain("executed");
            JsonNode interrupted = rest.stream().filter(m -> m instanceof Message.Text t
                    && t.type().equals("execution_interrupted")).map(m -> ((Message.Text) m).data()).findFirst().orElseThrow();
            assertThat(interrupted.path("node_id").asText()).isEqualTo("2");
            assertThat(interrupted.path("node_type").asText()).isEqualTo("ImageScale");
            assertThat(interrupted.path("executed")).containsExactly(new com.fasterxml.jackson.databind.node.TextNode("1"));

            JsonNode history = awaitHistory(id);
            assertThat(history.path("outputs").size()).isZero();
            // the worker is free: the same graph at a small size runs to its end
            String next = submit(upscale(64), "watcher");
            assertThat(awaitHistory(next).path("status").path("status_str").asText()).isEqualTo("success");
        }
    }
}
