package dev.easel.server.store;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryJobStoreTest extends JobStoreContractTest {

    @Override
    protected JobStore create(int maxHistory) {
        return new InMemoryJobStore(maxHistory);
    }

    @Test
    void nothingIsAbandonedInAStoreThatEndsWithItsProcess() {
        assertThat(store().failAbandoned("stopped")).isEmpty();
    }

    @Test
    void queueItemsSerialiseAsFiveElementArrays() {
        ObjectNode extra = Json.object().put("client_id", "c");
        QueueItem item = new QueueItem(DoubleNode.valueOf(5), "p", Json.object(), extra, List.of("9"), Map.of("api_key_comfy_org", "k"), "default");
        assertThat(Json.write(item.toJson())).isEqualTo("[5.0,\"p\",{},{\"client_id\":\"c\"},[\"9\"]]");
        assertThat(item.clientId()).contains("c");
    }
}
