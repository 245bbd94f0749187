package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.testkit.ServerTest;
import dev.easel.testkit.Http;
import dev.easel.testkit.WsRecorder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

class InternalRoutesTest extends ServerTest {

    private Http.Response subscribe(String clientId, boolean enabled) {
        return fx.http.send(fx.http.request("/internal/logs/subscribe", "Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"clientId\":\"" + clientId + "\",\"enabled\":" + enabled + "}")).build());
    }

    @Test
    void theLogHoldsWhatTheServerLoggedAsTimedEntries() {
        LoggerFactory.getLogger("dev.easel.test.Terminal").info("a line for the terminal");
        JsonNode raw = fx.http.get("/internal/logs/raw").json();
        JsonNode last = raw.path("entries").get(raw.path("entries").size() - 1);
        assertThat(last.path("m").asText()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  Terminal - a line for the terminal\\n");
        assertThat(last.path("t").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
        assertThat(raw.path("size")).isEqualTo(Http.json("{\"cols\":" + env("COLUMNS", 80) + ",\"rows\":" + env("LINES", 24) + "}"));
        String text = fx.http.get("/internal/logs").json().asText();
        assertThat(text).endsWith(last.path("t").asText() + " - " + last.path("m").asText());
    }

    private static int env(String name, int fallback) {
        try {
            return Integer.parseInt(System.getenv(name));
        } catch (NumberFormatException unset) {
            return fallback;
        }
    }

    @Test
    void internalRoutesHaveNoApiTwin() {
        assertThat(fx.http.get("/api/internal/logs").status()).isEqualTo(404);
        assertThat(fx.http.get("/api/internal/folder_paths").status()).isEqualTo(404);
    }

    @Test
    void subscribersGetLogsMessagesAndStopGettingThemWhenTheyUnsubscribe() throws Exception {
        try (WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=watcher")) {
            ws.awaitType("status");
            assertThat(subscribe("watcher", true).status()).isEqualTo(200);
            LoggerFactory.getLogger("dev.easel.test.Terminal").warn("watched line");
            JsonNode logs = ((WsRecorder.Message.Text) ws.until(m -> m instanceof WsRecorder.Message.Text t
                    && t.type().equals("logs") && t.data().toString().contains("watched line")).getLast()).data();
            List<String> messages = new ArrayList<>();
            logs.path("entries").forEach(e -> messages.add(e.path("m").asText()));
            assertThat(messages).anyMatch(m -> m.endsWith("WARN  Terminal - watched line\n"));
            assertThat(logs.path("size").path("cols").isInt() || logs.path("size").isNull()).isTrue();

            // a second subscriber, later in line, witnesses when the next batch went out
            try (WsRecorder witness = WsRecorder.connect(fx.port(), "clientId=witness")) {
                witness.awaitType("status");
                subscribe("witness", true);
                assertThat(subscribe("watcher", false).status()).isEqualTo(200);
                LoggerFactory.getLogger("dev.easel.test.Terminal").warn("unwatched line");
                witness.until(m -> m instanceof WsRecorder.Message.Text t && t.type().equals("logs")
                        && t.data().toString().contains("unwatched line"));
                fx.http.postJson("/queue", map("clear", true));
                assertThat(ws.until(m -> m instanceof WsRecorder.Message.Text t && t.type().equals("status")))
                        .noneMatch(m -> m.toString().contains("unwatched line"));
            }
        }
    }

    @Test
    void aSubscriptionNeedsAClientIdAndAFlag() {
        Http.Response bad = fx.http.send(fx.http.request("/internal/logs/subscribe")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"clientId\":\"x\"}")).build());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").asText()).isEqualTo("expected {\"clientId\": string, \"enabled\": boolean}");
    }

    @Test
    void folderPathsListEveryKeyWithItsDirectories() {
        JsonNode paths = fx.http.get("/internal/folder_paths").json();
        assertThat(paths.path("checkpoints")).isEqualTo(Http.json("[\"" + dir.resolve("models/checkpoints") + "\"]"));
        assertThat(paths.path("custom_nodes")).isEqualTo(Http.json("[\"" + dir.resolve("custom_nodes") + "\"]"));
        assertThat(paths.has("configs")).isTrue();
    }

    @Test
    void filesOfAFolderAreListedNewestFirstWithoutSubfolders() throws Exception {
        Path output = fx.config.folders().output();
        Files.createDirectories(output.resolve("sub"));
        stamp(Files.writeString(output.resolve("old.png"), "o"), "2024-01-01T00:00:00Z");
        stamp(Files.writeString(output.resolve("new.png"), "n"), "2025-01-01T00:00:00Z");
        stamp(Files.writeString(output.resolve("mid.png"), "m"), "2024-06-01T00:00:00Z");
        assertThat(fx.http.get("/internal/files/output").json()).isEqualTo(Http.json("[\"new.png\",\"mid.png\",\"old.png\"]"));
        assertThat(fx.http.get("/internal/files/input").json()).isEqualTo(Http.json("[]"));
        Http.Response bad = fx.http.get("/internal/files/models");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()).isEqualTo(Http.json("{\"error\":\"Invalid directory type\"}"));
    }

    private static void stamp(Path file, String time) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(time)));
    }
}
