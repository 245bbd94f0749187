package dev.easel.server.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Wrong tokens per remote address, held to a {@link GuessLimit} by a token bucket: each address
 * may spend {@code maxFailures} failures, each wrong token spends one, and they come back one
 * every {@code window / maxFailures}. An address with none left is locked out until one has
 * come back; the token check then refuses its requests that carry a token without checking the
 * token, so a right guess made meanwhile is not revealed. A correct token gives nothing back:
 * otherwise a guesser holding a token of their own could reset the count between guesses.
 *
 * <p>Each address costs one number, the moment its bucket is full again; an address whose
 * bucket is full is forgotten, and beyond {@code maxAddresses} so is the one touched longest ago.
 */
public final class Lockouts {
    private static final Logger LOG = LoggerFactory.getLogger(Lockouts.class);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final GuessLimit limit;
    /** How long one failure takes to come back. */
    private final long refill;
    /** How far ahead of now the full bucket may lie while one failure is still left. */
    private final long slack;
    /** Per address, when its bucket is full again; in the order they were touched. */
    private final Map<String, Long> fullAt;

    public Lockouts(GuessLimit limit) {
        this.limit = limit;
        this.refill = Math.max(1, limit.window().toNanos() / limit.maxFailures());
        this.slack = refill * (limit.maxFailures() - 1L);
        this.fullAt = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > limit.maxAddresses();
            }
        };
    }

    /** The seconds, rounded up, until {@code address} may present a token again; empty when it may now. */
    public synchronized OptionalLong lockedFor(String address) {
        Long full = fullAt.get(address);
        if (full == null) return OptionalLong.empty();
        long now = limit.nanoTime().getAsLong();
        if (full - now <= 0) fullAt.remove(address);
        long wait = full - now - slack;
        return wait > 0 ? OptionalLong.of((wait + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND) : OptionalLong.empty();
    }

    /** Counts a wrong token from {@code address}; the failure that locks it out is logged, once. */
    public synchronized void failed(String address) {
        long now = limit.nanoTime().getAsLong();
        long before = fullAt.getOrDefault(address, now);
        long full = Math.max(before, now) + refill;
        fullAt.put(address, full);
        if (before - now <= slack && full - now > slack) {
            LOG.warn("{} is locked out for {} s: {} wrong tokens within {} s (--auth-max-failures); its requests "
                    + "with a token are answered 429 meanwhile", address, lockedFor(address).orElse(0),
                    limit.maxFailures(), limit.window().toSeconds());
        }
    }
}
