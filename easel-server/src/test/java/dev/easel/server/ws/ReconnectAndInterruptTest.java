package dev.easel.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.testkit.GatedServerTest;
import dev.easel.testkit.Http;
import dev.easel.testkit.WsRecorder;
import dev.easel.testkit.WsRecorder.Message;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

class ReconnectAndInterruptTest extends GatedServerTest {
    private static Map<String, Object> gatePrompt() {
        return map("1", map("class_type", "TestMakeInt", "inputs", map("value", 1)),
                "2", map("class_type", "TestGate", "inputs", map("value", List.of("1", 0))));
    }

    @Test
    void aSocketReplacedUnderItsClientIdIsClosedAndItsReplacementServed() throws Exception {
        WsRecorder old = WsRecorder.connect(fx.port(), "clientId=same");
        old.nextText();
        try (WsRecorder fresh = WsRecorder.connect(fx.port(), "clientId=same")) {
            fresh.nextText();
            // the old socket would otherwise stay open and never hear anything again
            assertThat(old.until(m -> m instanceof Message.Closed).getLast())
                    .isEqualTo(new Message.Closed(1000, "replaced by a new connection with the same client id"));
            release.countDown();
            String id = submit(gatePrompt(), "same");
            List<Message> run = fresh.untilPromptEnd();
            assertThat(WsRecorder.types(run)).contains("execution_start", "executed", "execution_success");
            assertThat(((Message.Text) run.getLast()).data().path("prompt_id").asText()).isEqualTo(id);
        }
    }

    @Test
    void reconnectingDuringARunIsToldTheExecutingNode() throws Exception {
        try (WsRecorder first = WsRecorder.connect(fx.port(), "clientId=r")) {
            first.nextText();
            submit(gatePrompt(), "r");
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            try (WsRecorder again = WsRecorder.connect(fx.port(), "clientId=r");
                 WsRecorder other = WsRecorder.connect(fx.port(), "clientId=other")) {
                assertThat(again.nextText().data().path("sid").asText()).isEqualTo("r");
                assertThat(again.nextText().json()).isEqualTo(Http.json("{\"type\": \"executing\", \"data\": {\"node\": \"2\"}}"));
                assertThat(other.nextText().type()).isEqualTo("status");
                release.countDown();
                assertThat(WsRecorder.types(again.untilPromptEnd())).endsWith("execution_success", "status", "executing");
                // "other" only ever gets broadcasts: the statuses, never the run's own messages.
                List<Message> forOther = other.until(m -> m instanceof Message.Text t && t.type().equals("status"));
                assertThat(WsRecorder.types(forOther)).containsExactly("status");
            }
        }
    }

    @Test
    void reconnectingDuringARunRestoresTheLiveViewInOrder() throws Exception {
        WsRecorder old = WsRecorder.connect(fx.port(), "clientId=view");
        old.nextText();
        String id = submit(map("1", map("class_type", "TestPreviewer", "inputs", map("steps", 3, "size", 4)),
                "2", map("class_type", "TestGate", "inputs", map("value", List.of("1", 0)))), "view");
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
        try (WsRecorder fresh = WsRecorder.connect(fx.port(), "clientId=view")) {
            List<Message> before = old.until(m -> m instanceof Message.Closed);
            Message.Text status = fresh.nextText();
            assertThat(status.type()).isEqualTo("status");
            assertThat(status.data().path("sid").asText()).isEqualTo("view");
            assertThat(fresh.nextText().json()).isEqualTo(Http.json("{\"type\": \"executing\", \"data\": {\"node\": \"2\"}}"));
            Message.Text progress = fresh.nextText();
            assertThat(progress.type()).isEqualTo("progress_state");
            assertThat(progress.data().path("prompt_id").asText()).isEqualTo(id);
            assertThat(progress.data().path("nodes").path("1").path("state").asText()).isEqualTo("finished");
            assertThat(progress.data().path("nodes").path("2").path("state").asText()).isEqualTo("running");
            // the same as the last progress_state the old socket was sent
            Message.Text lastSeen = (Message.Text) before.stream()
                    .filter(m -> m instanceof Message.Text t && t.type().equals("progress_state")).reduce((a, b) -> b).orElseThrow();
            assertThat(progress.json()).isEqualTo(lastSeen.json());
            // the third preview: type 1, PNG, its first byte the step index
            Message preview = fresh.next();
            assertThat(preview).isInstanceOf(Message.Binary.class);
            assertThat(((Message.Binary) preview).bytes()).containsExactly(0, 0, 0, 1, 0, 0, 0, 2, 2, 0, 0, 0);
            release.countDown();
            List<Message> rest = fresh.untilPromptEnd();
            assertThat(WsRecorder.types(rest)).endsWith("execution_success", "status", "executing");
        }
        // after the run, a reconnect hears only its status
        try (WsRecorder later = WsRecorder.connect(fx.port(), "clientId=view")) {
            later.nextText();
            assertThat(fx.http.get("/api/jobs/" + id).json().path("status").asText()).isEqualTo("completed");
            later.send("{\"type\": \"feature_flags\", \"data\": {}}");
            assertThat(later.nextText().type()).isEqualTo("feature_flags");
        }
    }

    @Test
    void interruptByAnotherIdIsANoOpAndGlobalInterruptEndsTheRun() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=i")) {
            ws.nextText();
            String id = submit(gatePrompt(), "i");
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(fx.http.postJson("/interrupt", map("prompt_id", UUID.randomUUID().toString())).status()).isEqualTo(200);
            JsonNode queue = fx.http.get("/queue").json();
            assertThat(queue.path("queue_running")).hasSize(1);
            assertThat(queue.path("queue_running").get(0).get(1).asText()).isEqualTo(id);
            assertThat(fx.http.post("/interrupt", "garbage").status()).isEqualTo(200);
            List<Message> run = ws.untilPromptEnd();
            List<String> types = WsRecorder.types(run);
            assertThat(types.subList(types.size() - 3, types.size()))
                    .containsExactly("execution_interrupted", "status", "executing");
            JsonNode interrupted = ((Message.Text) run.get(types.size() - 3)).data();
            assertThat(interrupted.path("node_id").asText()).isEqualTo("2");
            assertThat(interrupted.path("node_type").asText()).isEqualTo("TestGate");
            JsonNode status = fx.http.get("/history/" + id).json().path(id).path("status");
            assertThat(status.path("status_str").asText()).isEqualTo("error");
            assertThat(status.path("messages").get(2).get(0).asText()).isEqualTo("execution_interrupted");
            JsonNode job = fx.http.get("/api/jobs/" + id).json();
            assertThat(job.path("status").asText()).isEqualTo("cancelled");
        }
    }

    @Test
    void cancellingAPendingJobRemovesItAndCancellingTheRunningOneInterruptsIt() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=c")) {
            ws.nextText();
            String running = submit(gatePrompt(), "c");
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            String pending = submit(gatePrompt(), "c");
            assertThat(fx.http.get("/prompt").json().path("exec_info").path("queue_remaining").asInt()).isEqualTo(2);
            assertThat(fx.http.post("/api/jobs/" + pending + "/cancel", "").json())
                    .isEqualTo(Http.json("{\"cancelled\": true}"));
            assertThat(fx.http.get("/queue").json().path("queue_pending")).isEmpty();
            assertThat(fx.http.postJson("/api/jobs/cancel", map("job_ids", List.of(running))).json())
                    .isEqualTo(Http.json("{\"cancelled\": true}"));
            assertThat(WsRecorder.types(ws.untilPromptEnd())).contains("execution_interrupted");
            assertThat(fx.http.post("/api/jobs/" + running + "/cancel", "").json())
                    .isEqualTo(Http.json("{\"cancelled\": false}"));
        }
    }
}
