package dev.easel.server.ws;

import java.time.Duration;

/**
 * Bounds of one socket's outbound queue. Above {@code softBytes} queued previews are replaced
 * by the newest one; above {@code hardBytes}, or when one write takes longer than
 * {@code writeTimeout}, the client is too slow and its socket is closed with 1001.
 */
public record SocketLimits(long softBytes, long hardBytes, Duration writeTimeout) {

    public static SocketLimits defaults() {
        return new SocketLimits(8L << 20, 64L << 20, Duration.ofSeconds(60));
    }
}
