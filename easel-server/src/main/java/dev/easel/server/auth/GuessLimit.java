package dev.easel.server.auth;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How many wrong tokens one remote address may present ({@code --auth-max-failures}): at most
 * {@code maxFailures} within {@code window}, refilled evenly over it (a token bucket), so a
 * guesser is held to that rate while a client that mistyped once is never troubled. At most
 * {@code maxAddresses} addresses are remembered, the one touched longest ago forgotten
 * first; {@code nanoTime} is monotonic time, the system's except in tests.
 */
public record GuessLimit(int maxFailures, Duration window, int maxAddresses, LongSupplier nanoTime) {
    public static final int DEFAULT_MAX_FAILURES = 20;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** A megabyte or two of buckets at most. */
    public static final int MAX_ADDRESSES = 10_000;

    public GuessLimit {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || maxAddresses < 1) {
            throw new IllegalArgumentException("guess limit out of range: " + maxFailures + " failures in " + window
                    + ", " + maxAddresses + " addresses");
        }
    }

    /** {@code maxFailures} a minute, on the system's clock. */
    public static GuessLimit of(int maxFailures) {
        return new GuessLimit(maxFailures, WINDOW, MAX_ADDRESSES, System::nanoTime);
    }

    public static GuessLimit defaults() {
        return of(DEFAULT_MAX_FAILURES);
    }

    /** The same limit on another clock (tests step it by hand). */
    public GuessLimit withClock(LongSupplier clock) {
        return new GuessLimit(maxFailures, window, maxAddresses, clock);
    }
}
