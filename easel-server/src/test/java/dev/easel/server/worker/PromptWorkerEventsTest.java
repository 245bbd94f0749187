package dev.easel.server.worker;

import dev.easel.engine.files.FileSpace;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.exec.PromptExecutor;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.server.events.JobEvent;
import dev.easel.server.events.JobPublisher;
import dev.easel.server.events.QueueCount;
import dev.easel.server.store.InMemoryJobStore;
import dev.easel.server.store.OwnerFilter;
import dev.easel.server.store.QueueItem;
import dev.easel.server.testkit.TestNodes;
import dev.easel.server.wire.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker speaks only through its publisher: a run is started, its events in order, finished. */
class PromptWorkerEventsTest {

    @Test
    void aRunIsPublishedAsStartedThenItsEventsThenFinishedWithTheQueueLengthEachLeft() throws Exception {
        InMemoryJobStore store = new InMemoryJobStore();
        List<JobEvent> heard = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        JobPublisher jobs = new JobPublisher(event -> {
            heard.add(event);
            if (event instanceof JobEvent.Finished) finished.countDown();
        }, store::remaining);
        ObjectNode extra = Json.object().put("client_id", "c");
        QueueItem item = new QueueItem(DoubleNode.valueOf(1), "p1", (ObjectNode) Json.tree(TestNodes.simplePrompt(3)),
                extra, List.of("2"), Map.of(), "alice");
        NodeRegistry registry = TestNodes.registry();
        try (PromptWorker worker = new PromptWorker(store, jobs,
                PromptRunner.of(new PromptExecutor(registry, CachePolicy.classic()), registry), "test",
                user -> FileSpace.under(Path.of("target", "worker-test-files")))) {
            jobs.announce(() -> store.enqueue(item), count -> new JobEvent.Accepted("p1", Optional.of("c"), count));
            worker.start();
            assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(heard.get(0)).isEqualTo(new JobEvent.Accepted("p1", Optional.of("c"), new QueueCount(1, 1)));
        assertThat(heard.get(1)).isEqualTo(new JobEvent.Started("p1", Optional.of("c"), "alice", item.prompt(), new QueueCount(2, 1)));
        assertThat(heard.getLast()).isEqualTo(new JobEvent.Finished("p1", Optional.of("c"), new QueueCount(3, 0)));
        assertThat(heard.subList(2, heard.size() - 1)).allMatch(e -> e instanceof JobEvent.Execution)
                .extracting(e -> ((JobEvent.Execution) e).event().getClass().getSimpleName())
                .startsWith("ExecutionStart", "ExecutionCached")
                .endsWith("Executed", "ProgressState", "ExecutionSuccess");
        assertThat(store.history("p1", OwnerFilter.only("alice"))).isPresent();
    }
}
