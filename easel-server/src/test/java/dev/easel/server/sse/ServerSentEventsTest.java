package dev.easel.server.sse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.auth.Accounts;
import dev.easel.server.auth.Identity;
import dev.easel.server.testkit.ServerFixture;
import dev.easel.server.testkit.ServerTest;
import dev.easel.server.testkit.TestNodes;
import dev.easel.server.ws.SocketLimits;
import dev.easel.testkit.Http;
import dev.easel.testkit.SseReader;
import dev.easel.testkit.WsRecorder;
import dev.easel.testkit.WsRecorder.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /events}: the WebSocket's messages as Server-Sent Events, and reconnects with Last-Event-ID. */
class ServerSentEventsTest extends ServerTest {
    private static final Set<String> KEPT = Set.of("status", "executed", "execution_success", "execution_error",
            "execution_interrupted");

    @TempDir
    Path otherDir;

    private static Map<String, Object> previewPrompt(int steps, int size, String format) {
        return map("1", map("class_type", "TestPreviewer", "inputs", map("steps", steps, "size", size, "format", format)),
                "2", map("class_type", "TestOutput", "inputs", map("value", List.of("1", 0))));
    }

    /** The messages with the prompt id and the moments taken out, the parts that differ from one run to the next. */
    private static List<Object> comparable(List<Message> messages, String promptId) {
        List<Object> out = new ArrayList<>();
        for (Message m : messages) {
            switch (m) {
                case Message.Text t -> out.add(Http.json(t.json().toString().replace(promptId, "P")
                        .replaceAll("\"timestamp\":\\d+", "\"timestamp\":0")));
                case Message.Binary b -> out.add(List.of(b.eventType(), java.util.HexFormat.of().formatHex(b.bytes())));
                case Message.Closed c -> out.add(c);
            }
        }
        return out;
    }

    @Test
    void anSseClientReceivesTheSameRunAsAWebSocketClientPreviewsIncluded() throws Exception {
        Map<String, Object> prompt = previewPrompt(3, 8, "JPEG");
        List<Message> overWs;
        String first;
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=same")) {
            ws.nextText();
            first = submit(prompt, "same");
            overWs = ws.untilPromptEnd(first);
        }
        assertThat(fx.http.postJson("/free", map("free_memory", true)).status()).isEqualTo(200);   // the rerun runs again in full
        try (SseReader sse = SseReader.connect(fx.port(), "clientId=same")) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.contentType()).startsWith("text/event-stream");
            SseReader.Event greeting = sse.next();
            assertThat(greeting.event()).isEqualTo("message");
            assertThat(((Message.Text) greeting.message()).data().path("sid").asText()).isEqualTo("same");
            String second = submit(prompt, "same");
            List<SseReader.Event> overSse = sse.untilPromptEnd(second);
            assertThat(comparable(SseReader.messages(overSse), second)).isEqualTo(comparable(overWs, first));
            assertThat(WsRecorder.types(overWs)).contains("binary:1");
            List<Long> ids = new ArrayList<>(List.of(Long.parseLong(greeting.id())));
            overSse.forEach(e -> ids.add(Long.parseLong(e.id())));
            assertThat(ids).isSorted().doesNotHaveDuplicates().startsWith(1L);
        }
    }

    @Test
    void aBinaryFrameIsAnEventNamedBinaryWithItsTypeAndTheBytesAfterItInBase64() throws Exception {
        try (SseReader sse = SseReader.connect(fx.port(), "clientId=b")) {
            sse.next();
            String id = submit(previewPrompt(1, 3, "JPEG"), "b");
            SseReader.Event binary = sse.untilPromptEnd(id).stream().filter(e -> e.event().equals("binary"))
                    .findFirst().orElseThrow();
            JsonNode data = Http.json(binary.data());
            List<String> fields = new ArrayList<>();
            data.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("type", "data");
            assertThat(data.path("type").asInt()).isEqualTo(1);
            // type 1: [u32 image format 1 = JPEG][the preview's bytes: the step number, then zeros]
            assertThat(java.util.Base64.getDecoder().decode(data.path("data").asText()))
                    .containsExactly(0, 0, 0, 1, 0, 0, 0);
        }
    }

    @Test
    void withoutAClientIdTheGreetingNamesANewSidAndApiEventsIsTheSameRoute() throws Exception {
        try (SseReader sse = SseReader.connect(fx.port(), "")) {
            assertThat(((Message.Text) sse.next().message()).data().path("sid").asText()).matches("[0-9a-f]{32}");
        }
        try (SseReader api = SseReader.connect(fx.port(), "/api/events", "clientId=x")) {
            assertThat(((Message.Text) api.next().message()).data().path("sid").asText()).isEqualTo("x");
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsWhatItMissedInOrder() throws Exception {
        SseReader.Event greeting;
        try (SseReader gone = SseReader.connect(fx.port(), "clientId=r")) {
            greeting = gone.next();
        }
        String id = submit(previewPrompt(2, 8, "JPEG"), "r");
        awaitHistory(fx, id);
        try (SseReader back = SseReader.resume(fx.port(), "clientId=r", greeting.id())) {
            List<String> types = WsRecorder.types(SseReader.messages(back.untilPromptEnd(id)));
            assertThat(types).containsExactly("status", "status", "execution_start", "execution_cached",
                    "progress_state", "executing",
                    "progress_state", "progress", "binary:1",
                    "progress_state", "progress", "binary:1",
                    "progress_state",
                    "progress_state", "executing", "executed", "progress_state",
                    "execution_success", "status", "executing");
        }
    }

    @Test
    void overItsBoundTheReplayGivesUpPreviewsFirstAndNeverTheMessagesThatEndARun() throws Exception {
        SocketLimits small = new SocketLimits(4 << 10, 64L << 20, Duration.ofSeconds(60))
                .withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(100));
        try (ServerFixture server = ServerFixture.start(otherDir, TestNodes.registry(), c -> c.withSockets(small))) {
            SseReader.Event greeting;
            try (SseReader gone = SseReader.connect(server.port(), "clientId=r")) {
                greeting = gone.next();
            }
            Http.Response submitted = server.http.postJson("/prompt",
                    map("prompt", previewPrompt(40, 500, "JPEG"), "client_id", "r"));
            String id = submitted.json().path("prompt_id").asText();
            awaitHistory(server, id);
            try (SseReader back = SseReader.resume(server.port(), "clientId=r", greeting.id())) {
                List<String> types = WsRecorder.types(SseReader.messages(back.untilPromptEnd(id)));
                assertThat(types.stream().filter(KEPT::contains))
                        .containsExactly("status", "status", "executed", "execution_success", "status");
                assertThat(types.stream().filter("binary:1"::equals).count()).isLessThan(40);
                // no answers are expected to the heartbeat comments: the stream stays open across many of them
                ServerSentEventsTest.await(() -> back.comments() >= 5);
                assertThat(server.server.hub().socket("r")).isPresent();
            }
        }
    }

    @Test
    void withAuthenticationTheStreamTakesTheSameTokenAsEveryOtherRoute() throws Exception {
        String[] token = new String[1];
        try (ServerFixture server = ServerFixture.start(otherDir, TestNodes.registry(), c -> {
            token[0] = Accounts.open(c.folders().user()).add("ana", Identity.Role.USER);
            return c.withAuth(true);
        })) {
            try (SseReader refused = SseReader.connect(server.port(), "clientId=t")) {
                assertThat(refused.status()).isEqualTo(401);
            }
            try (SseReader admitted = SseReader.connect(server.port(), "clientId=t&token=" + token[0])) {
                assertThat(admitted.status()).isEqualTo(200);
                assertThat(((Message.Text) admitted.next().message()).data().path("sid").asText()).isEqualTo("t");
            }
        }
    }

    private static void awaitHistory(ServerFixture server, String id) throws InterruptedException {
        await(() -> server.http.get("/history/" + id).json().has(id));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached");
            Thread.sleep(10);
        }
    }
}
