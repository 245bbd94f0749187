package dev.easel.server.ws;

import java.time.Duration;

/**
 * Bounds of one socket. Above {@code softBytes} queued previews are replaced by the newest
 * one; above {@code hardBytes}, or when one write takes longer than {@code writeTimeout}, the
 * client is too slow and its socket is closed with 1001. A client message longer than
 * {@code maxMessageBytes} closes the socket with 1009. Every {@code pingInterval} the server
 * pings the client; one that is not heard from within {@code pingTimeout} of a ping is closed
 * with 1001 (a zero interval turns heartbeats off).
 */
public record SocketLimits(long softBytes, long hardBytes, Duration writeTimeout, long maxMessageBytes,
                           Duration pingInterval, Duration pingTimeout) {

    /** The client message limit Jetty applies by default (64 KiB). */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 64L << 10;
    /** Under the 60-second idle timeout of common proxies, with room for one lost ping. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(20);

    public SocketLimits {
        if (softBytes < 0 || hardBytes < softBytes || writeTimeout.isNegative() || writeTimeout.isZero()
                || maxMessageBytes < 1 || pingInterval.isNegative() || pingTimeout.isNegative() || pingTimeout.isZero()) {
            throw new IllegalArgumentException("socket limits out of range: " + this);
        }
    }

    /** With the default client message limit and heartbeat. */
    public SocketLimits(long softBytes, long hardBytes, Duration writeTimeout) {
        this(softBytes, hardBytes, writeTimeout, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_PING_INTERVAL, DEFAULT_PING_TIMEOUT);
    }

    public static SocketLimits defaults() {
        return new SocketLimits(8L << 20, 64L << 20, Duration.ofSeconds(60));
    }

    /** The same bounds with another heartbeat. */
    public SocketLimits withHeartbeat(Duration interval, Duration timeout) {
        return new SocketLimits(softBytes, hardBytes, writeTimeout, maxMessageBytes, interval, timeout);
    }

    public boolean heartbeats() {
        return !pingInterval.isZero();
    }
}
