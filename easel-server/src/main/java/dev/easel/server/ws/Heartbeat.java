package dev.easel.server.ws;

import java.time.Duration;

/**
 * A socket's heartbeat: a ping every {@code interval}; a socket that has not been heard from
 * (a pong or any message) within {@code timeout} of a ping is closed as silent. Proxies that cut
 * idle connections after a minute see traffic at least every interval. A transport that cannot
 * answer (Server-Sent Events) gets the pings without the timeout.
 */
final class Heartbeat {
    private final ClientSocket socket;
    private final HeartbeatClock clock;
    private final Duration interval;
    private final Duration timeout;
    private final boolean expectsAnswers;
    private volatile long lastHeard;

    Heartbeat(ClientSocket socket, HeartbeatClock clock, Duration interval, Duration timeout, boolean expectsAnswers) {
        this.socket = socket;
        this.clock = clock;
        this.interval = interval;
        this.timeout = timeout;
        this.expectsAnswers = expectsAnswers;
    }

    void start() {
        lastHeard = clock.nanos();
        clock.schedule(interval, this::ping);
    }

    void heard() {
        lastHeard = clock.nanos();
    }

    private void ping() {
        if (!socket.isOpen()) return;
        long sent = clock.nanos();
        socket.ping();
        if (expectsAnswers) clock.schedule(timeout, () -> check(sent));
        clock.schedule(interval, this::ping);
    }

    private void check(long pingSent) {
        long heard = lastHeard;
        if (heard >= pingSent || !socket.isOpen()) return;
        socket.closeSilent(timeout, Duration.ofNanos(clock.nanos() - heard));
    }
}
