package dev.easel.server.ws;

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

/** Easel's {@code watch} message over a real socket: a second client follows a job it did not queue. */
class WatchJobTest extends GatedServerTest {

    private static Map<String, Object> previewThenGate() {
        return map("1", map("class_type", "TestPreviewer", "inputs", map("steps", 3, "size", 4)),
                "2", map("class_type", "TestGate", "inputs", map("value", List.of("1", 0))));
    }

    private static String watch(String promptId) {
        return "{\"type\": \"watch\", \"data\": {\"prompt_id\": \"" + promptId + "\"}}";
    }

    @Test
    void aWatcherOfARunningJobHearsWhereItStandsThenTheSameMessagesAsItsClient() throws Exception {
        try (WsRecorder owner = WsRecorder.connect(fx.port(), "clientId=owner");
             WsRecorder watcher = WsRecorder.connect(fx.port(), "clientId=watcher")) {
            owner.nextText();
            watcher.nextText();
            String id = submit(previewThenGate(), "owner");
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            watcher.send(watch(id));
            assertThat(watcher.awaitType("watching").json())
                    .isEqualTo(Http.json("{\"type\": \"watching\", \"data\": {\"prompt_id\": \"" + id + "\", \"status\": \"in_progress\"}}"));
            assertThat(watcher.nextText().json()).isEqualTo(Http.json("{\"type\": \"executing\", \"data\": {\"node\": \"2\"}}"));
            Message.Text progress = watcher.nextText();
            assertThat(progress.type()).isEqualTo("progress_state");
            assertThat(progress.data().path("nodes").path("2").path("state").asText()).isEqualTo("running");
            assertThat(((Message.Binary) watcher.next()).bytes()).containsExactly(0, 0, 0, 1, 0, 0, 0, 2, 2, 0, 0, 0);
            release.countDown();
            List<Message> watched = watcher.untilPromptEnd(id);
            List<Message> owned = owner.untilPromptEnd(id);
            assertThat(WsRecorder.types(watched)).containsExactly("executed", "progress_state", "execution_success", "status", "executing");
            assertThat(owned.subList(owned.size() - watched.size(), owned.size())).isEqualTo(watched);
        }
    }

    @Test
    void aWatcherOfAPendingJobHearsItsWholeRun() throws Exception {
        try (WsRecorder owner = WsRecorder.connect(fx.port(), "clientId=owner");
             WsRecorder watcher = WsRecorder.connect(fx.port(), "clientId=watcher")) {
            owner.nextText();
            watcher.nextText();
            String first = submit(previewThenGate(), "owner");
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            String second = submit(map("1", map("class_type", "TestMakeInt", "inputs", map("value", 5)),
                    "2", map("class_type", "TestOutput", "inputs", map("value", List.of("1", 0)))), "owner");
            watcher.send(watch(second));
            assertThat(watcher.awaitType("watching").data().path("status").asText()).isEqualTo("pending");
            release.countDown();
            owner.untilPromptEnd(first);
            List<Message> owned = owner.untilPromptEnd(second);
            List<Message> watched = watcher.untilPromptEnd(second);
            List<String> types = WsRecorder.types(watched);
            assertThat(types.subList(types.indexOf("execution_start"), types.size()))
                    .containsExactlyElementsOf(WsRecorder.types(owned).subList(WsRecorder.types(owned).indexOf("execution_start"), owned.size()));
            assertThat(types).doesNotContain("watch_error");
        }
    }

    @Test
    void aWatcherOfAFinishedJobGetsItsEndAtOnce() throws Exception {
        release.countDown();
        String id;
        try (WsRecorder owner = WsRecorder.connect(fx.port(), "clientId=owner")) {
            owner.nextText();
            id = submit(previewThenGate(), "owner");
            owner.untilPromptEnd(id);
        }
        try (WsRecorder watcher = WsRecorder.connect(fx.port(), "")) {
            watcher.nextText();
            watcher.send(watch(id));
            List<Message> end = watcher.untilPromptEnd(id);
            assertThat(WsRecorder.types(end)).containsExactly("watching", "execution_start", "execution_cached", "executed",
                    "execution_success", "executing");
            assertThat(((Message.Text) end.get(0)).data().path("status").asText()).isEqualTo("completed");
            assertThat(((Message.Text) end.get(3)).data()).isEqualTo(Http.json("{\"node\": \"2\", \"display_node\": \"2\", "
                    + "\"output\": {\"text\": [\"released\"]}, \"prompt_id\": \"" + id + "\"}"));
            assertThat(((Message.Text) end.get(4)).data())
                    .isEqualTo(fx.http.get("/history/" + id).json().path(id).path("status").path("messages").get(2).get(1));
        }
    }

    @Test
    void watchingAJobThatDoesNotExistIsAnError() throws Exception {
        try (WsRecorder watcher = WsRecorder.connect(fx.port(), "")) {
            watcher.nextText();
            String unknown = UUID.randomUUID().toString();
            watcher.send(watch(unknown));
            assertThat(watcher.nextText().json()).isEqualTo(Http.json("{\"type\": \"watch_error\", \"data\": {\"prompt_id\": \""
                    + unknown + "\", \"error\": \"no job with this prompt_id that you may see\"}}"));
            watcher.send("{\"type\": \"watch\", \"data\": {}}");
            assertThat(watcher.nextText().json()).isEqualTo(Http.json(
                    "{\"type\": \"watch_error\", \"data\": {\"prompt_id\": \"\", \"error\": \"watch needs data.prompt_id\"}}"));
        }
    }
}
