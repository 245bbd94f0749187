package dev.easel.server.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class JobPublisherTest {

    @Test
    void concurrentChangesAreAnnouncedInTheirOrderEachWithTheLengthItLeft() throws Exception {
        AtomicInteger queue = new AtomicInteger();
        List<QueueCount> heard = new ArrayList<>();   // the sink is called under the publisher's lock
        JobPublisher jobs = new JobPublisher(event -> heard.add(((JobEvent.QueueChanged) event).queue()), queue::get);
        try (var threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 2_000; i++) {
                threads.submit(() -> jobs.announce(queue::incrementAndGet, JobEvent.QueueChanged::new));
            }
        }
        assertThat(heard).hasSize(2_000);
        for (int i = 0; i < heard.size(); i++) {
            assertThat(heard.get(i)).isEqualTo(new QueueCount(i + 1, i + 1));
        }
    }

    @Test
    void aChangeThatFailsIsNotAnnounced() {
        List<JobEvent> heard = new ArrayList<>();
        JobPublisher jobs = new JobPublisher(heard::add, () -> 0);
        try {
            jobs.announce(() -> { throw new IllegalStateException("store down"); }, JobEvent.QueueChanged::new);
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("store down");
        }
        jobs.announce(JobEvent.QueueChanged::new);
        assertThat(heard).containsExactly(new JobEvent.QueueChanged(new QueueCount(1, 0)));
    }
}
