package dev.easel.server.ws;

import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.node.Preview;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Addressing (§3.5) and preview handling, against sockets whose transport the test controls. */
class EventRouterTest {

    private static ExecutionEvent.PreviewImage preview(Preview.Format format, int size) {
        return new ExecutionEvent.PreviewImage("p", "1", "1", Optional.empty(), "1", new Preview(format, new byte[size]));
    }

    private static ExecutionEvent.Progress progress(int value) {
        return new ExecutionEvent.Progress("p", "1", (long) value, 100L);
    }

    @Test
    void jpegPreviewsGiveWayButPngFramesAreKeptUntilTheHardBoundClosesTheSocket() throws Exception {
        SocketHub hub = new SocketHub();
        ManualSink sink = new ManualSink();
        ClientSocket client = sink.connect(hub, "c", new SocketLimits(10_000, 100_000, Duration.ofMinutes(5)));
        ClientSocketTest.waitFor(() -> sink.written.size() == 1);   // the greeting is in flight and stays stuck
        EventRouter router = new EventRouter(hub, new JobAudience("p", Optional.of("c"), "default"));
        for (int i = 0; i < 50; i++) {
            router.route(preview(Preview.Format.JPEG, 5_000));
            router.route(progress(i));
        }
        assertThat(client.isOpen()).isTrue();
        assertThat(client.droppedPreviews()).isGreaterThan(0);
        for (int i = 0; i < 50 && client.isOpen(); i++) {
            router.route(preview(Preview.Format.PNG, 5_000));
            router.route(progress(i));
        }
        assertThat(client.isOpen()).isFalse();
        assertThat(sink.closed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(sink.closedWith.get()).isEqualTo(1001);
        assertThat(hub.socket("c")).isEmpty();
    }

    @Test
    void withoutAClientExecutionMessagesAreSuppressedAndProgressIsBroadcast() throws Exception {
        SocketHub hub = new SocketHub();
        ManualSink a = new ManualSink();
        ManualSink b = new ManualSink();
        a.autoComplete = true;
        b.autoComplete = true;
        a.connect(hub, "a", SocketLimits.defaults());
        b.connect(hub, "b", SocketLimits.defaults());
        EventRouter router = new EventRouter(hub, new JobAudience("p", Optional.empty(), "default"));
        router.route(new ExecutionEvent.ExecutionStart("p", 1));
        router.route(new ExecutionEvent.Executing("p", "1", "1"));
        router.route(preview(Preview.Format.JPEG, 3));
        router.route(progress(1));
        router.route(new ExecutionEvent.ExecutionInterrupted("p", "1", "X", List.of(), 2));
        router.finish();
        for (ManualSink sink : List.of(a, b)) {
            ClientSocketTest.waitFor(() -> sink.written.size() == 4);
            List<Frame> frames = sink.written;
            assertThat(((Frame.Text) frames.get(1)).json()).contains("\"type\":\"progress\"");
            assertThat(ByteBuffer.wrap(((Frame.Binary) frames.get(2)).bytes()).getInt()).isEqualTo(1);
            assertThat(((Frame.Text) frames.get(3)).json()).contains("\"type\":\"execution_interrupted\"");
        }
    }

    @Test
    void aClientsMessagesGoOnlyToIt() throws Exception {
        SocketHub hub = new SocketHub();
        ManualSink mine = new ManualSink();
        ManualSink other = new ManualSink();
        mine.autoComplete = true;
        other.autoComplete = true;
        mine.connect(hub, "me", SocketLimits.defaults());
        other.connect(hub, "other", SocketLimits.defaults());
        EventRouter router = new EventRouter(hub, new JobAudience("p", Optional.of("me"), "default"));
        router.route(new ExecutionEvent.ExecutionStart("p", 1));
        router.route(progress(1));
        router.route(new ExecutionEvent.ExecutionError("p", "1", "X", List.of(), "Execution Blocked: b", "ExecutionBlocked",
                List.of(), Optional.empty(), List.of(), OptionalLong.empty()));
        router.route(new ExecutionEvent.ExecutionSuccess("p", 3));
        ClientSocketTest.waitFor(() -> mine.written.size() == 5);
        assertThat(other.written).hasSize(1);   // only its own greeting
    }
}
