package dev.easel.server.ws;

import dev.easel.server.ServerConfig;
import dev.easel.server.testkit.ServerTest;
import dev.easel.testkit.LogCapture;
import dev.easel.testkit.WsRecorder;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.easel.server.testkit.TestNodes.simplePrompt;
import static org.assertj.core.api.Assertions.assertThat;

/** Heartbeats over a real connection, with an interval short enough for a test. */
class HeartbeatServerTest extends ServerTest {

    @Override
    protected ServerConfig configure(ServerConfig defaults) {
        return defaults.withSockets(SocketLimits.defaults().withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(300)));
    }

    @Test
    void aClientThatAnswersPingsStaysConnectedAcrossManyIntervals() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=steady")) {
            ws.nextText();
            ClientSocketTest.waitFor(() -> ws.pingsAnswered() >= 10);
            String id = submit(simplePrompt(1), "steady");
            assertThat(WsRecorder.types(ws.untilPromptEnd(id))).contains("execution_success");
            assertThat(fx.server.hub().socket("steady")).isPresent();
        }
    }

    @Test
    void aClientWhosePongsNeverComeIsClosedAndTheLogSaysWhy() throws Exception {
        String expected = "closing WebSocket silent with 1001: no answer to a ping within 300 ms; silent for ";
        try (LogCapture logs = LogCapture.of(ClientSocket.class.getName());
             WsRecorder ws = WsRecorder.connectPaused(fx.port(), "clientId=silent")) {
            ClientSocketTest.waitFor(() -> logs.messages().stream().anyMatch(m -> m.startsWith(expected)));
            // the socket leaves the hub when its close completes, just after the line is logged
            ClientSocketTest.waitFor(() -> fx.server.hub().socket("silent").isEmpty());
            // Reading again, the client finds its connection ended: the close frame if it reads it
            // before its late pongs hit the closed connection, an abnormal closure otherwise.
            ws.resume();
            var closed = (WsRecorder.Message.Closed) ws.first(m -> m instanceof WsRecorder.Message.Closed, Duration.ofSeconds(10));
            assertThat(closed.code()).isIn(1001, WsRecorder.ABNORMAL_CLOSURE);
        }
    }
}
