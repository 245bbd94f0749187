package dev.easel.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.testkit.Http;
import dev.easel.server.testkit.ServerTest;
import dev.easel.testkit.WsRecorder;
import dev.easel.testkit.WsRecorder.Message;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static dev.easel.server.testkit.TestNodes.simplePrompt;
import static org.assertj.core.api.Assertions.assertThat;

/** The messages of whole runs as clients see them (§3.5–3.7, §4). */
class RunMessagesTest extends ServerTest {

    private static Map<String, Object> previewPrompt(int steps) {
        return map("1", map("class_type", "TestPreviewer", "inputs", map("steps", steps, "size", 4)),
                "2", map("class_type", "TestOutput", "inputs", map("value", List.of("1", 0))));
    }

    @Test
    void firstMessageIsStatusWithTheRequestedSid() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=me")) {
            Message.Text first = ws.nextText();
            // ComfyUI's message plus the id of this server start
            assertThat(first.json()).isEqualTo(Http.json("{\"type\": \"status\", \"data\": {\"status\": {\"exec_info\": "
                    + "{\"queue_remaining\": 0}}, \"instance_id\": \"" + fx.server.instanceId() + "\", \"sid\": \"me\"}}"));
        }
    }

    @Test
    void withoutClientIdTheSidIsThirtyTwoHexCharacters() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "/api/ws", "")) {
            assertThat(ws.nextText().data().path("sid").asText()).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void featureFlagsAreAnsweredOnceWithTheServerFlags() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=f")) {
            ws.nextText();
            ws.send("not json");
            ws.send("{\"type\": \"feature_flags\", \"data\": {\"supports_preview_metadata\": true}}");
            Message.Text reply = ws.nextText();
            assertThat(reply.json()).isEqualTo(Http.json(
                    "{\"type\": \"feature_flags\", \"data\": {\"supports_preview_metadata\": true, \"max_upload_size\": 104857600.0}}"));
            ws.send("{\"type\": \"feature_flags\", \"data\": {}}");
            // A prompt's traffic is the sync point: no second feature_flags reply comes before it.
            String id = submit(previewPrompt(1), "f");
            List<Message> rest = ws.untilPromptEnd();
            assertThat(WsRecorder.types(rest)).doesNotContain("feature_flags");
            assertThat(rest).anyMatch(m -> m instanceof Message.Binary b && b.eventType() == 4);
            assertThat(id).isNotEmpty();
        }
    }

    @Test
    void normalRunSendsComfyUiOrderToItsClient() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=c1")) {
            ws.nextText();
            String id = submit(previewPrompt(2), "c1");
            List<Message> messages = ws.untilPromptEnd();
            assertThat(WsRecorder.types(messages)).containsExactly(
                    "status",                       // queued
                    "status",                       // taken by the worker
                    "execution_start", "execution_cached",
                    "progress_state", "executing",  // node 1 starts
                    "progress_state", "progress", "binary:1",
                    "progress_state", "progress", "binary:1",
                    "progress_state",               // node 1 finished
                    "progress_state", "executing", "executed", "progress_state",
                    "execution_success", "status", "executing");
            Message.Text executed = (Message.Text) messages.get(messages.size() - 5);
            assertThat(executed.data()).isEqualTo(Http.json(
                    "{\"node\": \"2\", \"display_node\": \"2\", \"output\": {\"text\": [\"0\"]}, \"prompt_id\": \"" + id + "\"}"));
            Message.Text end = (Message.Text) messages.getLast();
            assertThat(end.data()).isEqualTo(Http.json("{\"node\": null, \"prompt_id\": \"" + id + "\"}"));
            Message.Text progress = (Message.Text) messages.get(7);
            assertThat(progress.data()).isEqualTo(Http.json(
                    "{\"value\": 1, \"max\": 2, \"prompt_id\": \"" + id + "\", \"node\": \"1\"}"));
            byte[] preview = ((Message.Binary) messages.get(8)).bytes();
            assertThat(ByteBuffer.wrap(preview).getInt(4)).isEqualTo(2);
            assertThat(preview).hasSize(12);
            JsonNode state = ((Message.Text) messages.get(6)).data().path("nodes").path("1");
            assertThat(state.path("state").asText()).isEqualTo("running");
            assertThat(state.path("parent_node_id").isNull()).isTrue();
            assertThat(state.path("display_node_id").asText()).isEqualTo("1");
        }
    }

    @Test
    void negotiatedClientGetsTypeFourPreviewsBeforeProgress() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=meta")) {
            ws.nextText();
            ws.send("{\"type\": \"feature_flags\", \"data\": {\"supports_preview_metadata\": true}}");
            ws.awaitType("feature_flags");
            String id = submit(previewPrompt(1), "meta");
            List<Message> messages = ws.untilPromptEnd();
            List<String> types = WsRecorder.types(messages);
            int preview = types.indexOf("binary:4");
            assertThat(types.subList(preview - 1, preview + 2)).containsExactly("progress_state", "binary:4", "progress");
            byte[] frame = ((Message.Binary) messages.get(preview)).bytes();
            ByteBuffer buffer = ByteBuffer.wrap(frame);
            assertThat(buffer.getInt()).isEqualTo(4);
            int length = buffer.getInt();
            JsonNode meta = Http.json(new String(frame, 8, length, StandardCharsets.UTF_8));
            assertThat(meta).isEqualTo(Http.json("{\"node_id\": \"1\", \"prompt_id\": \"" + id + "\", \"display_node_id\": \"1\","
                    + " \"parent_node_id\": null, \"real_node_id\": \"1\", \"image_type\": \"image/png\"}"));
            assertThat(frame.length - 8 - length).isEqualTo(4);
        }
    }

    @Test
    void negotiationRequiresTheBooleanTrue() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=strict")) {
            ws.nextText();
            ws.send("{\"type\": \"feature_flags\", \"data\": {\"supports_preview_metadata\": \"true\"}}");
            ws.awaitType("feature_flags");
            submit(previewPrompt(1), "strict");
            assertThat(WsRecorder.types(ws.untilPromptEnd())).contains("binary:1").doesNotContain("binary:4");
        }
    }

    @Test
    void oneClientNeverReceivesAnotherClientsExecutionMessages() throws Exception {
        try (WsRecorder a = WsRecorder.connect(fx.port(), "clientId=a");
             WsRecorder b = WsRecorder.connect(fx.port(), "clientId=b")) {
            a.nextText();
            b.nextText();
            String first = submit(previewPrompt(1), "a");
            String second = submit(previewPrompt(1), "b");
            List<Message> forB = b.until(m -> m instanceof Message.Text t && t.type().equals("executing")
                    && t.data().path("node").isNull() && t.data().path("prompt_id").asText().equals(second));
            for (Message m : forB) {
                if (m instanceof Message.Text t && !t.type().equals("status")) {
                    assertThat(t.data().path("prompt_id").asText()).as(t.json().toString()).isEqualTo(second);
                }
                if (m instanceof Message.Binary) {
                    assertThat(WsRecorder.types(forB).indexOf("execution_start")).isLessThan(forB.indexOf(m));
                }
            }
            assertThat(WsRecorder.types(forB).stream().filter("execution_start"::equals)).hasSize(1);
            assertThat(first).isNotEqualTo(second);
        }
    }

    @Test
    void withoutClientIdProgressAndPreviewsAreBroadcastButExecutionMessagesAreNot() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=watcher")) {
            ws.nextText();
            submit(previewPrompt(1), null);
            // The second status after the run is the sync point (queued, taken, finished).
            List<Message> messages = ws.until(new java.util.function.Predicate<>() {
                int statuses;

                @Override
                public boolean test(Message m) {
                    return m instanceof Message.Text t && t.type().equals("status") && ++statuses == 3;
                }
            });
            assertThat(WsRecorder.types(messages)).containsExactly("status", "status",
                    "progress_state", "progress_state", "progress", "binary:1", "progress_state",
                    "progress_state", "progress_state", "status");
        }
    }

    @Test
    void historyRecordsStartCachedAndTerminalMessages() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=h")) {
            ws.nextText();
            String id = submit(previewPrompt(1), "h");
            List<Message> messages = ws.untilPromptEnd();
            JsonNode entry = fx.http.get("/history/" + id).json().path(id);
            assertThat(entry.path("status").path("status_str").asText()).isEqualTo("success");
            assertThat(entry.path("status").path("completed").asBoolean()).isTrue();
            JsonNode recorded = entry.path("status").path("messages");
            assertThat(recorded).hasSize(3);
            assertThat(recorded.get(0).get(0).asText()).isEqualTo("execution_start");
            assertThat(recorded.get(1).get(0).asText()).isEqualTo("execution_cached");
            assertThat(recorded.get(2).get(0).asText()).isEqualTo("execution_success");
            Message.Text success = (Message.Text) messages.get(WsRecorder.types(messages).indexOf("execution_success"));
            assertThat(recorded.get(2).get(1)).isEqualTo(success.data());
            assertThat(entry.path("outputs")).isEqualTo(Http.json("{\"2\": {\"text\": [\"0\"]}}"));
            assertThat(entry.path("meta").path("2")).isEqualTo(Http.json(
                    "{\"node_id\": \"2\", \"display_node\": \"2\", \"parent_node\": null, \"real_node_id\": \"2\"}"));
            assertThat(entry.path("prompt").get(1).asText()).isEqualTo(id);
            assertThat(entry.path("prompt").get(3).path("client_id").asText()).isEqualTo("h");
            assertThat(entry.path("prompt").get(4)).isEqualTo(Http.json("[\"2\"]"));
        }
    }

    @Test
    void failingNodeEndsWithExecutionErrorAndErrorHistory() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=e")) {
            ws.nextText();
            Map<String, Object> prompt = map("1", map("class_type", "TestMakeInt", "inputs", map("value", 7)),
                    "2", map("class_type", "TestFail", "inputs", map("value", List.of("1", 0))));
            String id = submit(prompt, "e");
            List<Message> messages = ws.untilPromptEnd();
            List<String> types = WsRecorder.types(messages);
            assertThat(types).doesNotContain("execution_success");
            assertThat(types.subList(types.size() - 3, types.size())).containsExactly("execution_error", "status", "executing");
            JsonNode error = ((Message.Text) messages.get(types.size() - 3)).data();
            assertThat(error.path("node_id").asText()).isEqualTo("2");
            assertThat(error.path("node_type").asText()).isEqualTo("TestFail");
            assertThat(error.path("exception_message").asText()).contains("boom 7");
            assertThat(error.path("current_inputs").path("value")).isEqualTo(Http.json("[7]"));
            assertThat(error.has("timestamp")).isTrue();
            JsonNode status = fx.http.get("/history/" + id).json().path(id).path("status");
            assertThat(status.path("status_str").asText()).isEqualTo("error");
            assertThat(status.path("completed").asBoolean()).isFalse();
            assertThat(status.path("messages").get(2).get(1)).isEqualTo(error);
        }
    }

    @Test
    void aFullyCachedRunSendsCachedUiWithoutExecuting() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=cache")) {
            ws.nextText();
            Map<String, Object> prompt = simplePrompt(4);
            submit(prompt, "cache");
            ws.untilPromptEnd();
            String id = submit(prompt, "cache");
            List<Message> messages = ws.untilPromptEnd();
            assertThat(WsRecorder.types(messages)).containsExactly("status", "status", "execution_start",
                    "execution_cached", "executed", "progress_state", "execution_success", "status", "executing");
            assertThat(((Message.Text) messages.get(3)).data().path("nodes")).isEqualTo(Http.json("[\"1\", \"2\"]"));
            assertThat(((Message.Text) messages.get(4)).data().path("output")).isEqualTo(Http.json("{\"text\": [\"4\"]}"));
            JsonNode entry = fx.http.get("/history/" + id).json().path(id);
            assertThat(entry.path("outputs")).isEqualTo(Http.json("{\"2\": {\"text\": [\"4\"]}}"));
        }
    }

    @Test
    void progressTextIsBroadcastAsATypeThreeFrame() throws Exception {
        try (WsRecorder owner = WsRecorder.connect(fx.port(), "clientId=owner");
             WsRecorder bystander = WsRecorder.connect(fx.port(), "clientId=bystander")) {
            owner.nextText();
            bystander.nextText();
            Map<String, Object> prompt = map("1", map("class_type", "TestTalker", "inputs", map("value", 5)),
                    "2", map("class_type", "TestOutput", "inputs", map("value", List.of("1", 0))));
            submit(prompt, "owner");
            List<Message> forOwner = owner.untilPromptEnd();
            assertThat(WsRecorder.types(forOwner)).contains("binary:3");
            Message.Binary text = (Message.Binary) bystander.until(m -> m instanceof Message.Binary).getLast();
            ByteBuffer buffer = ByteBuffer.wrap(text.bytes());
            assertThat(buffer.getInt()).isEqualTo(3);
            assertThat(buffer.getInt()).isEqualTo(1);
            assertThat(new String(text.bytes(), 8, text.bytes().length - 8, StandardCharsets.UTF_8)).isEqualTo("1hello 5");
        }
    }

    @Test
    void aBlockerErrorIsBroadcastWithoutTimestampAndLeftOutOfHistory() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=watch")) {
            ws.nextText();
            Map<String, Object> prompt = map("1", map("class_type", "TestMakeInt", "inputs", map("value", 1)),
                    "2", map("class_type", "TestBlock", "inputs", map("value", List.of("1", 0))),
                    "3", map("class_type", "TestOutput", "inputs", map("value", List.of("2", 0))));
            String id = submit(prompt, null);
            Message.Text error = ws.awaitType("execution_error");
            assertThat(error.data().path("exception_type").asText()).isEqualTo("ExecutionBlocked");
            assertThat(error.data().path("exception_message").asText()).isEqualTo("Execution Blocked: stop here");
            assertThat(error.data().has("timestamp")).isFalse();
            ws.awaitType("status");   // the run ended
            JsonNode status = fx.http.get("/history/" + id).json().path(id).path("status");
            assertThat(status.path("status_str").asText()).isEqualTo("success");
            for (JsonNode message : status.path("messages")) {
                assertThat(message.get(0).asText()).isNotEqualTo("execution_error");
            }
        }
    }

    @Test
    void freeMemoryDropsTheCachesBeforeTheNextRun() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=free")) {
            ws.nextText();
            Map<String, Object> prompt = simplePrompt(9);
            submit(prompt, "free");
            ws.untilPromptEnd();
            assertThat(fx.http.postJson("/free", map("free_memory", true)).status()).isEqualTo(200);
            submit(prompt, "free");
            Message.Text cached = ws.awaitType("execution_cached");
            assertThat(cached.data().path("nodes")).isEmpty();
            ws.untilPromptEnd();
        }
    }

    @Test
    void theRunIsInHistoryByTheTimeItsTerminalMessageArrives() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=fast")) {
            ws.nextText();
            String id = submit(previewPrompt(1), "fast");
            ws.awaitType("execution_success");
            assertThat(fx.http.get("/history/" + id).json().path(id).path("status").path("status_str").asText())
                    .isEqualTo("success");
            ws.untilPromptEnd();
        }
    }

    /**
     * Easel's {@code remaining_time} goes only to a client whose feature flags ask for it: after
     * the node's {@code executing} and after each {@code progress}; the others' messages are ComfyUI's.
     */
    @Test
    void remainingTimeGoesOnlyToAClientThatAskedForIt() throws Exception {
        try (WsRecorder asking = WsRecorder.connect(fx.port(), "clientId=asks");
             WsRecorder plain = WsRecorder.connect(fx.port(), "clientId=plain")) {
            asking.nextText();
            plain.nextText();
            asking.send("{\"type\": \"feature_flags\", \"data\": {\"supports_remaining_time\": true}}");
            asking.awaitType("feature_flags");
            String id = submit(previewPrompt(2), "asks");
            List<Message> messages = asking.untilPromptEnd();
            assertThat(WsRecorder.types(messages)).containsExactly(
                    "status", "status", "execution_start", "execution_cached",
                    "progress_state", "executing", "remaining_time",
                    "progress_state", "progress", "binary:1", "remaining_time",
                    "progress_state", "progress", "binary:1", "remaining_time",
                    "progress_state",
                    "progress_state", "executing", "remaining_time", "executed", "progress_state",
                    "execution_success", "status", "executing");
            List<JsonNode> estimates = messages.stream().filter(m -> m instanceof Message.Text t && t.type().equals("remaining_time"))
                    .map(m -> ((Message.Text) m).data()).toList();
            assertThat(estimates).extracting(e -> e.path("prompt_id").asText()).containsOnly(id);
            assertThat(estimates).extracting(e -> e.path("node").asText()).containsExactly("1", "1", "1", "2");
            // the last step leaves nothing for the node; a first run knows nothing of node 2 yet
            assertThat(estimates.get(2).path("node_seconds").asDouble()).isEqualTo(0.0);
            assertThat(estimates.get(0).path("complete").asBoolean()).isFalse();

            submit(previewPrompt(2), "plain");
            assertThat(WsRecorder.types(plain.untilPromptEnd())).doesNotContain("remaining_time");
        }
    }
}
