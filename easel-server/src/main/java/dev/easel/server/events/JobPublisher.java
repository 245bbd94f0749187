package dev.easel.server.events;

import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The one way jobs are announced. Events that change the queue go out with the length the change
 * left: the change, the reading and the publishing are one step under this object's lock, so
 * announcements reach the sink in the order of the changes and a higher number never carries an
 * older length. The queue is read here, never by the sink, and so never under the lock that
 * socket messages take.
 */
public final class JobPublisher {
    private final EventSink sink;
    private final IntSupplier remaining;
    private long sequence;

    public JobPublisher(EventSink sink, IntSupplier remaining) {
        this.sink = sink;
        this.remaining = remaining;
    }

    /** An event that leaves the queue as it is: straight to the sink. */
    public void publish(JobEvent event) {
        sink.publish(event);
    }

    /** Makes a change to the queue (a store call) and announces it with the length it left. */
    public synchronized void announce(Runnable change, Function<QueueCount, JobEvent> event) {
        change.run();
        sink.publish(event.apply(new QueueCount(++sequence, remaining.getAsInt())));
    }

    /** Announces a change that already happened (a job taken, deleted or cleared). */
    public void announce(Function<QueueCount, JobEvent> event) {
        announce(() -> { }, event);
    }
}
