package dev.easel.server.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.NodeProgress;
import dev.easel.engine.node.Preview;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Every execution event's wire JSON and binary layout. */
class EventMessagesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String json(ExecutionEvent event) {
        return Json.write(EventMessages.message(event));
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void startCachedExecutingAndSuccess() {
        assertThat(json(new ExecutionEvent.ExecutionStart("p", 5)))
                .isEqualTo("{\"type\":\"execution_start\",\"data\":{\"prompt_id\":\"p\",\"timestamp\":5}}");
        assertThat(json(new ExecutionEvent.ExecutionCached("p", List.of("1", "2"), 6)))
                .isEqualTo("{\"type\":\"execution_cached\",\"data\":{\"nodes\":[\"1\",\"2\"],\"prompt_id\":\"p\",\"timestamp\":6}}");
        assertThat(json(new ExecutionEvent.Executing("p", "5.0.0.3", "5")))
                .isEqualTo("{\"type\":\"executing\",\"data\":{\"node\":\"5.0.0.3\",\"display_node\":\"5\",\"prompt_id\":\"p\"}}");
        assertThat(json(new ExecutionEvent.ExecutionSuccess("p", 7)))
                .isEqualTo("{\"type\":\"execution_success\",\"data\":{\"prompt_id\":\"p\",\"timestamp\":7}}");
    }

    @Test
    void progressKeepsNumberKindsAndProgressStateHasNullParent() {
        assertThat(json(new ExecutionEvent.Progress("p", "3", 2L, 10L)))
                .isEqualTo("{\"type\":\"progress\",\"data\":{\"value\":2,\"max\":10,\"prompt_id\":\"p\",\"node\":\"3\"}}");
        Map<String, NodeProgress> nodes = new LinkedHashMap<>();
        nodes.put("3", new NodeProgress(0.0, 1.0, NodeProgress.State.RUNNING, "3", "p", "3", Optional.empty(), "3"));
        nodes.put("4.0.0.1", new NodeProgress(1.0, 1.0, NodeProgress.State.FINISHED, "4.0.0.1", "p", "4", Optional.of("4"), "4"));
        assertThat(json(new ExecutionEvent.ProgressState("p", nodes))).isEqualTo("{\"type\":\"progress_state\",\"data\":{"
                + "\"prompt_id\":\"p\",\"nodes\":{"
                + "\"3\":{\"value\":0.0,\"max\":1.0,\"state\":\"running\",\"node_id\":\"3\",\"prompt_id\":\"p\","
                + "\"display_node_id\":\"3\",\"parent_node_id\":null,\"real_node_id\":\"3\"},"
                + "\"4.0.0.1\":{\"value\":1.0,\"max\":1.0,\"state\":\"finished\",\"node_id\":\"4.0.0.1\",\"prompt_id\":\"p\","
                + "\"display_node_id\":\"4\",\"parent_node_id\":\"4\",\"real_node_id\":\"4\"}}}}");
    }

    @Test
    void progressStateTextReusesUnchangedEntriesAndReadsExactlyLikeTheJsonMapping() {
        ProgressStateText writer = new ProgressStateText();
        NodeProgress first = new NodeProgress(0.0, 1.0, NodeProgress.State.RUNNING, "a\"b", "p", "a\"b", Optional.empty(), "a\"b");
        NodeProgress child = new NodeProgress(3, 7.5, NodeProgress.State.RUNNING, "5.0.0.1", "p", "5", Optional.of("5"), "5");
        Map<String, NodeProgress> nodes = new LinkedHashMap<>();
        nodes.put("a\"b", first);
        nodes.put("5.0.0.1", child);
        ExecutionEvent.ProgressState before = new ExecutionEvent.ProgressState("p", new LinkedHashMap<>(nodes));
        assertThat(writer.message(before)).isEqualTo(json(before));
        nodes.put("5.0.0.1", new NodeProgress(7.5, 7.5, NodeProgress.State.FINISHED, "5.0.0.1", "p", "5", Optional.of("5"), "5"));
        ExecutionEvent.ProgressState after = new ExecutionEvent.ProgressState("p", nodes);
        assertThat(writer.message(after)).isEqualTo(json(after)).contains("\"state\":\"finished\"");
    }

    @Test
    void executedOutputIsNullWhenACachedNodeHasNoUi() {
        assertThat(json(new ExecutionEvent.Executed("p", "9", "9", Optional.empty())))
                .isEqualTo("{\"type\":\"executed\",\"data\":{\"node\":\"9\",\"display_node\":\"9\",\"output\":null,\"prompt_id\":\"p\"}}");
        Map<String, List<Object>> ui = Map.of("images", List.of(Map.of("filename", "a.png")));
        assertThat(json(new ExecutionEvent.Executed("p", "9", "9", Optional.of(ui)))).contains("\"output\":{\"images\":[{\"filename\":\"a.png\"}]}");
    }

    @Test
    void executionErrorFieldsAndTheBlockerVariant() throws Exception {
        Map<String, List<Object>> inputs = new LinkedHashMap<>();
        java.util.ArrayList<Object> values = new java.util.ArrayList<>();
        values.add(1L);
        values.add(null);
        values.add(new StringBuilder("tensor"));
        inputs.put("x", values);
        var error = new ExecutionEvent.ExecutionError("p", "2", "KSampler", List.of("1"), "bad", "ValueError",
                List.of("line 1"), Optional.of(inputs), List.of("1"), OptionalLong.of(9));
        assertThat(parse(json(error))).isEqualTo(parse("""
                {"type": "execution_error", "data": {"prompt_id": "p", "node_id": "2", "node_type": "KSampler",
                 "executed": ["1"], "exception_message": "bad", "exception_type": "ValueError", "traceback": ["line 1"],
                 "current_inputs": {"x": [1, null, "tensor"]}, "current_outputs": ["1"], "timestamp": 9}}"""));
        var blocker = new ExecutionEvent.ExecutionError("p", "2", "X", List.of(), "Execution Blocked: no", "ExecutionBlocked",
                List.of(), Optional.empty(), List.of(), OptionalLong.empty());
        var data = parse(json(blocker)).path("data");
        assertThat(data.has("timestamp")).isFalse();
        assertThat(data.path("current_inputs")).isEqualTo(parse("[]"));
    }

    @Test
    void interrupted() {
        assertThat(json(new ExecutionEvent.ExecutionInterrupted("p", "4", "Gate", List.of("1", "2"), 3)))
                .isEqualTo("{\"type\":\"execution_interrupted\",\"data\":{\"prompt_id\":\"p\",\"node_id\":\"4\","
                        + "\"node_type\":\"Gate\",\"executed\":[\"1\",\"2\"],\"timestamp\":3}}");
    }

    @Test
    void binaryFramesAreBigEndianWithTheirHeaders() throws Exception {
        var preview = new ExecutionEvent.PreviewImage("p", "3", "3", Optional.empty(), "3",
                new Preview(Preview.Format.JPEG, new byte[] {9, 8}));
        assertThat(BinaryFrames.preview(preview)).containsExactly(0, 0, 0, 1, 0, 0, 0, 1, 9, 8);
        byte[] typed = BinaryFrames.previewWithMetadata(preview);
        ByteBuffer buffer = ByteBuffer.wrap(typed);
        assertThat(buffer.getInt()).isEqualTo(4);
        int length = buffer.getInt();
        assertThat(parse(new String(typed, 8, length, StandardCharsets.UTF_8))).isEqualTo(parse(
                "{\"node_id\":\"3\",\"prompt_id\":\"p\",\"display_node_id\":\"3\",\"parent_node_id\":null,"
                        + "\"real_node_id\":\"3\",\"image_type\":\"image/jpeg\"}"));
        assertThat(typed).endsWith(9, 8);
        assertThat(BinaryFrames.progressText("12", "hi")).containsExactly(0, 0, 0, 3, 0, 0, 0, 2, '1', '2', 'h', 'i');
    }
}
