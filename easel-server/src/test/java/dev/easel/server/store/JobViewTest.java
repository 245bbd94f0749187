package dev.easel.server.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JobViewTest {

    private static ArrayNode message(String type, ObjectNode data) {
        ArrayNode pair = Json.array();
        pair.add(type);
        pair.add(data);
        return pair;
    }

    private static QueueItem item() {
        ObjectNode extra = Json.object().put("create_time", 100);
        extra.putObject("extra_pnginfo").putObject("workflow").put("id", "wf");
        return new QueueItem(IntNode.valueOf(3), "p", Json.object(), extra, List.of("9"), Map.of(), "default");
    }

    @Test
    void failedJobCarriesItsErrorTimesAndCounts() throws Exception {
        ObjectNode error = Json.object().put("prompt_id", "p").put("exception_message", "x").put("timestamp", 250);
        ObjectNode outputs = (ObjectNode) Json.parse("""
                {"8": {"text": ["hi"]},
                 "9": {"images": [{"filename": "t.png", "subfolder": "", "type": "temp"},
                                  {"filename": "o.png", "subfolder": "", "type": "output"}], "animated": [false]}}""");
        HistoryEntry entry = new HistoryEntry(item(), outputs, "error", false,
                List.of(message("execution_start", Json.object().put("prompt_id", "p").put("timestamp", 200)),
                        message("execution_error", error)), Json.object());
        ObjectNode summary = JobView.finished(entry).summary();
        assertThat(Json.write(summary)).isEqualTo(Json.write(Json.parse("""
                {"id": "p", "status": "failed", "priority": 3, "create_time": 100,
                 "execution_start_time": 200, "execution_end_time": 250,
                 "execution_error": {"prompt_id": "p", "exception_message": "x", "timestamp": 250},
                 "outputs_count": 3, "previewable_outputs_count": 2,
                 "preview_output": {"filename": "o.png", "subfolder": "", "type": "output", "nodeId": "9", "mediaType": "images"},
                 "workflow_id": "wf"}""")));
    }

    @Test
    void interruptedJobIsCancelledAndQueueJobsHaveNoHistoryFields() throws Exception {
        HistoryEntry entry = new HistoryEntry(item(), Json.object(), "error", false,
                List.of(message("execution_interrupted", Json.object().put("timestamp", 5))), Json.object());
        assertThat(JobView.finished(entry).summary().path("status").asText()).isEqualTo("cancelled");
        ObjectNode pending = JobView.pending(item()).summary();
        assertThat(Json.write(pending)).isEqualTo(Json.write(Json.parse("""
                {"id": "p", "status": "pending", "priority": 3, "create_time": 100,
                 "outputs_count": 0, "previewable_outputs_count": 0, "workflow_id": "wf"}""")));
        assertThat(JobView.running(item()).detail().path("workflow").path("extra_data").path("create_time").asLong())
                .isEqualTo(100);
    }
}
