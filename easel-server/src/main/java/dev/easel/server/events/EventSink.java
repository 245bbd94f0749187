package dev.easel.server.events;

/**
 * Where the worker and the queue routes say what happened to jobs, as the engine says what
 * happens in a run through its listener. The same rules hold: {@link #publish} is fast, never
 * blocks on a client, never throws and never calls back. Behind it, the sockets (and whatever else
 * wants to hear about jobs) decide who is told; the publisher knows none of them.
 */
public interface EventSink {

    void publish(JobEvent event);
}
