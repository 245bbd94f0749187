package dev.easel.server.ws;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The time heartbeats run on: a real timer in production, virtual time that tests step by hand.
 * Tasks must be short and must not block; they are never cancelled, so a task that finds its
 * socket closed simply returns.
 */
public interface HeartbeatClock {

    /** Monotonic time in nanoseconds. */
    long nanos();

    /** Runs {@code task} once, {@code delay} from now. */
    void schedule(Duration delay, Runnable task);

    /** One daemon timer thread for every socket of the process. */
    static HeartbeatClock system() {
        return SystemClock.INSTANCE;
    }

    final class SystemClock implements HeartbeatClock {
        private static final SystemClock INSTANCE = new SystemClock();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ws-heartbeat").daemon().factory());

        private SystemClock() {
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void schedule(Duration delay, Runnable task) {
            timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
