package dev.easel.server.ws;

import java.time.Duration;

/**
 * Bounds of one socket. Above {@code softBytes} queued previews are replaced by the newest
 * one; above {@code hardBytes}, or when one write takes longer than {@code writeTimeout}, the
 * client is too slow and its socket is closed with 1001. A client message longer than
 * {@code maxMessageBytes} closes the socket with 1009.
 */
public record SocketLimits(long softBytes, long hardBytes, Duration writeTimeout, long maxMessageBytes) {

    /** The client message limit Jetty applies by default (64 KiB). */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 64L << 10;

    public SocketLimits {
        if (softBytes < 0 || hardBytes < softBytes || writeTimeout.isNegative() || writeTimeout.isZero()
                || maxMessageBytes < 1) {
            throw new IllegalArgumentException("socket limits out of range: " + this);
        }
    }

    /** With the default client message limit. */
    public SocketLimits(long softBytes, long hardBytes, Duration writeTimeout) {
        this(softBytes, hardBytes, writeTimeout, DEFAULT_MAX_MESSAGE_BYTES);
    }

    public static SocketLimits defaults() {
        return new SocketLimits(8L << 20, 64L << 20, Duration.ofSeconds(60));
    }
}
