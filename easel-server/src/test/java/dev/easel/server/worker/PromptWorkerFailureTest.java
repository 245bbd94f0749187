package dev.easel.server.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.ExecutionListener;
import dev.easel.engine.exec.ExecutionRequest;
import dev.easel.engine.exec.InterruptSignal;
import dev.easel.engine.exec.RunOutcome;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;
import dev.easel.testkit.Http;
import dev.easel.server.testkit.TestNodes;
import dev.easel.testkit.WsRecorder;
import dev.easel.testkit.WsRecorder.Message;
import dev.easel.server.ws.SocketLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.easel.testkit.Http.map;
import static dev.easel.server.testkit.TestNodes.simplePrompt;
import static org.assertj.core.api.Assertions.assertThat;

/** The worker survives an executor that throws or forgets its terminal event. */
class PromptWorkerFailureTest {
    @TempDir
    Path dir;

    /** First call throws, second returns without a terminal event, later calls succeed. */
    static final class MisbehavingRunner implements PromptRunner {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public RunOutcome run(ExecutionRequest request, ExecutionListener listener, InterruptSignal interrupt) {
            int call = calls.incrementAndGet();
            listener.onEvent(new ExecutionEvent.ExecutionStart(request.promptId(), 1));
            if (call == 1) throw new IllegalStateException("executor broke");
            if (call == 2) return new RunOutcome(RunOutcome.Status.SUCCESS, Map.of(), Map.of());
            listener.onEvent(new ExecutionEvent.ExecutionSuccess(request.promptId(), 2));
            return new RunOutcome(RunOutcome.Status.SUCCESS, Map.of(), Map.of());
        }

        @Override
        public void clearCaches() {
        }
    }

    @Test
    void failuresBecomeExecutionErrorsAndTheNextPromptStillRuns() throws Exception {
        try (EaselServer server = EaselServer.start(ServerConfig.defaults(dir).withPort(0), TestNodes.registry(),
                new MisbehavingRunner(), SocketLimits.defaults());
             WsRecorder ws = WsRecorder.connect(server.port(), "clientId=w")) {
            ws.nextText();
            Http http = new Http(server.port());
            Map<String, Object> prompt = simplePrompt(1);
            String[] ids = new String[3];
            for (int i = 0; i < 3; i++) {
                ids[i] = http.postJson("/prompt", map("prompt", prompt, "client_id", "w")).json().path("prompt_id").asText();
                List<Message> run = ws.untilPromptEnd();
                List<String> types = WsRecorder.types(run);
                assertThat(types.get(types.size() - 3)).isEqualTo(i < 2 ? "execution_error" : "execution_success");
            }
            JsonNode first = http.get("/history/" + ids[0]).json().path(ids[0]).path("status");
            assertThat(first.path("status_str").asText()).isEqualTo("error");
            JsonNode error = first.path("messages").get(1).get(1);
            assertThat(error.path("exception_type").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.path("exception_message").asText()).isEqualTo("executor broke");
            assertThat(http.get("/history/" + ids[1]).json().path(ids[1]).path("status").path("status_str").asText())
                    .isEqualTo("error");
            assertThat(http.get("/history/" + ids[2]).json().path(ids[2]).path("status").path("status_str").asText())
                    .isEqualTo("success");
        }
    }

    /** An output node whose UI holds an object JSON cannot express. */
    private static dev.easel.engine.node.NodeDefinition oddUi() {
        dev.easel.engine.node.NodeSchema schema = dev.easel.engine.node.NodeSchema.builder("OddUi").outputNode()
                .required("value", "*").build();
        return new dev.easel.engine.node.NodeDefinition() {
            public dev.easel.engine.node.NodeSchema schema() { return schema; }
            public dev.easel.engine.node.NodeResult execute(dev.easel.engine.node.NodeContext ctx, dev.easel.engine.node.Inputs in) {
                return dev.easel.engine.node.NodeResult.of().withUi("things", List.of(new Object() {
                    @Override public String toString() { return "odd"; }
                }));
            }
        };
    }

    @Test
    void uiThatIsNotJsonIsRecordedAsTextAndTheQueueGoesOn() throws Exception {
        try (EaselServer server = EaselServer.start(ServerConfig.defaults(dir).withPort(0), TestNodes.registry(oddUi()));
             WsRecorder ws = WsRecorder.connect(server.port(), "clientId=w")) {
            ws.nextText();
            Http http = new Http(server.port());
            Map<String, Object> odd = map("1", map("class_type", "TestMakeInt", "inputs", map("value", 3)),
                    "2", map("class_type", "OddUi", "inputs", map("value", List.of("1", 0))));
            String first = http.postJson("/prompt", map("prompt", odd, "client_id", "w")).json().path("prompt_id").asText();
            List<String> types = WsRecorder.types(ws.untilPromptEnd());
            assertThat(types).contains("executed", "execution_success");
            assertThat(http.get("/history/" + first).json().path(first).path("outputs").path("2").path("things").toString())
                    .isEqualTo("[\"odd\"]");
            String second = http.postJson("/prompt", map("prompt", simplePrompt(4), "client_id", "w")).json().path("prompt_id").asText();
            ws.untilPromptEnd();
            assertThat(http.get("/history/" + second).json().path(second).path("status").path("status_str").asText())
                    .isEqualTo("success");
        }
    }
}
