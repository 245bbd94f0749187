package dev.easel.server.store;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryJobStoreTest {

    private static QueueItem item(NumericNode number, String id) {
        return new QueueItem(number, id, Json.object(), Json.object(), List.of("1"), Map.of());
    }

    private static HistoryEntry done(QueueItem item) {
        return new HistoryEntry(item, Json.object(), "success", true, List.of(), Json.object());
    }

    @Test
    void jobsRunByNumberThenPromptId() throws Exception {
        InMemoryJobStore store = new InMemoryJobStore();
        store.enqueue(item(IntNode.valueOf(2), "a"));
        store.enqueue(item(DoubleNode.valueOf(1.5), "z"));
        store.enqueue(item(IntNode.valueOf(-1), "m"));
        store.enqueue(item(DoubleNode.valueOf(1.5), "b"));
        assertThat(store.pending().stream().map(QueueItem::promptId)).containsExactly("m", "b", "z", "a");
        QueueItem first = store.takeNext(Duration.ofSeconds(1)).orElseThrow();
        assertThat(first.promptId()).isEqualTo("m");
        assertThat(store.remaining()).isEqualTo(4);
        // Only one job runs at a time: nothing more is handed out until it finishes.
        assertThat(store.takeNext(Duration.ofMillis(10))).isEmpty();
        store.finish(done(first));
        assertThat(store.running()).isEmpty();
        assertThat(store.takeNext(Duration.ofSeconds(1)).orElseThrow().promptId()).isEqualTo("b");
    }

    @Test
    void historyIsCappedOldestFirst() {
        InMemoryJobStore store = new InMemoryJobStore(3);
        for (String id : List.of("1", "2", "3", "4")) store.finish(done(item(IntNode.valueOf(0), id)));
        assertThat(store.history(OptionalInt.empty(), OptionalInt.empty()).keySet()).containsExactly("2", "3", "4");
        assertThat(store.history(OptionalInt.of(5), OptionalInt.empty()).keySet()).containsExactly("2", "3", "4");
        assertThat(store.history(OptionalInt.of(1), OptionalInt.of(0)).keySet()).containsExactly("2");
    }

    @Test
    void queueItemsSerialiseAsFiveElementArrays() {
        ObjectNode extra = Json.object().put("client_id", "c");
        QueueItem item = new QueueItem(DoubleNode.valueOf(5), "p", Json.object(), extra, List.of("9"), Map.of("api_key_comfy_org", "k"));
        assertThat(Json.write(item.toJson())).isEqualTo("[5.0,\"p\",{},{\"client_id\":\"c\"},[\"9\"]]");
        assertThat(item.clientId()).contains("c");
    }
}
