package dev.easel.server.ws;

import dev.easel.testkit.LogCapture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Heartbeats on virtual time: pings every interval, a peer silent past the timeout is closed. */
class HeartbeatTest {
    private static final Duration INTERVAL = Duration.ofSeconds(20);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final SocketLimits LIMITS = SocketLimits.defaults().withHeartbeat(INTERVAL, TIMEOUT);

    private final SocketHub hub = new SocketHub();
    private final ManualClock clock = new ManualClock();
    private final ManualSink sink = new ManualSink();

    private ClientSocket connect(String sid, SocketLimits limits) {
        sink.autoComplete = true;
        ClientSocket socket = sink.connect(hub, sid, limits);
        socket.startHeartbeat(clock);
        return socket;
    }

    @Test
    void aPeerThatAnswersEveryPingStaysConnected() {
        ClientSocket socket = connect("alive", LIMITS);
        clock.advance(INTERVAL);
        for (int i = 1; i <= 30; i++) {
            assertThat(sink.pings.get()).isEqualTo(i);
            clock.advance(Duration.ofSeconds(3));
            socket.heard();   // the pong
            clock.advance(INTERVAL.minusSeconds(3));
        }
        assertThat(sink.pings.get()).isEqualTo(31);
        assertThat(socket.isOpen()).isTrue();
        assertThat(hub.socket("alive")).containsSame(socket);
    }

    @Test
    void aPeerSilentPastTheTimeoutIsClosedWith1001AndTheLogSaysWhoAndForHowLong() throws Exception {
        try (LogCapture logs = LogCapture.of(ClientSocket.class.getName())) {
            ClientSocket socket = connect("quiet", LIMITS);
            clock.advance(INTERVAL);
            assertThat(sink.pings.get()).isEqualTo(1);
            clock.advance(TIMEOUT.minusMillis(1));
            assertThat(socket.isOpen()).isTrue();
            clock.advance(Duration.ofMillis(1));
            assertThat(socket.isOpen()).isFalse();
            assertThat(hub.socket("quiet")).isEmpty();
            assertThat(sink.closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sink.closedWith.get()).isEqualTo(1001);
            assertThat(logs.messages()).containsExactly(
                    "closing WebSocket quiet with 1001: no answer to a ping within 10000 ms; silent for 30000 ms");
            clock.advance(INTERVAL.multipliedBy(3));
            assertThat(sink.pings.get()).isEqualTo(1);   // a closed socket is pinged no more
        }
    }

    @Test
    void anAnswerToAnEarlierPingDoesNotCountForALaterOne() {
        ClientSocket socket = connect("late", SocketLimits.defaults().withHeartbeat(INTERVAL, Duration.ofSeconds(30)));
        clock.advance(INTERVAL);
        socket.heard();
        clock.advance(INTERVAL);          // second ping at 40 s, never answered
        clock.advance(Duration.ofSeconds(29));
        assertThat(socket.isOpen()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(socket.isOpen()).isFalse();
    }

    @Test
    void aZeroIntervalTurnsHeartbeatsOff() {
        ClientSocket socket = connect("off", SocketLimits.defaults().withHeartbeat(Duration.ZERO, TIMEOUT));
        clock.advance(Duration.ofHours(1));
        assertThat(sink.pings.get()).isZero();
        assertThat(socket.isOpen()).isTrue();
    }
}
