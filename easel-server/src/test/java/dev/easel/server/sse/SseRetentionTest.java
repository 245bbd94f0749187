package dev.easel.server.sse;

import dev.easel.server.auth.Identity;
import dev.easel.server.ws.Frame;
import dev.easel.server.ws.ManualClock;
import dev.easel.server.ws.SocketHub;
import dev.easel.server.ws.SocketLimits;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a client whose stream broke is kept for its reconnect, on virtual time. */
class SseRetentionTest {
    private final SocketHub hub = new SocketHub();
    private final ManualClock clock = new ManualClock();
    private final SseClients clients = new SseClients(hub, SocketLimits.defaults(), clock);

    /** A response body whose client can leave: from then on every write fails. */
    private static final class Wire extends OutputStream {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        volatile boolean gone;

        @Override
        public synchronized void write(int b) throws IOException {
            if (gone) throw new IOException("the client left");
            received.write(b);
        }

        synchronized String text() {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /** Opens a stream for {@code sid}, then lets its client leave; returns once the server noticed. */
    private Wire openAndLeave(String sid, OptionalLong lastSeen) throws InterruptedException {
        Wire wire = new Wire();
        SseStream stream = new SseStream(wire);
        clients.open(sid, Identity.OPEN, lastSeen, stream);
        await(() -> wire.text().contains("\"sid\":\"" + sid + "\"") || wire.text().contains("id: "));
        wire.gone = true;
        hub.broadcast(new Frame.Text("{\"type\":\"probe\"}"));   // the write that finds the client gone
        await(stream::hasEnded);
        return wire;
    }

    @Test
    void aClientThatDoesNotComeBackWithinTheRetentionIsForgotten() throws Exception {
        openAndLeave("a", OptionalLong.empty());
        clock.advance(SseClients.RETENTION.minusSeconds(1));
        assertThat(hub.socket("a")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        await(() -> hub.socket("a").isEmpty());
    }

    @Test
    void aReconnectWithinTheRetentionKeepsTheClientAndALaterBreakGetsAFullRetentionOfItsOwn() throws Exception {
        openAndLeave("b", OptionalLong.empty());
        clock.advance(Duration.ofSeconds(30));
        Wire back = openAndLeave("b", OptionalLong.of(1));
        assertThat(back.text()).startsWith("id: 2\ndata: {\"type\":\"probe\"}\n\n");   // what it missed, not a new greeting
        clock.advance(Duration.ofSeconds(30));   // the first break's retention ends: the client broke again since
        assertThat(hub.socket("b")).isPresent();
        clock.advance(Duration.ofSeconds(29));
        assertThat(hub.socket("b")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        await(() -> hub.socket("b").isEmpty());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached");
            Thread.sleep(5);
        }
    }
}
