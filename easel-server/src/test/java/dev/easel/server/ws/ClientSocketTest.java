package dev.easel.server.ws;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-socket outbound queue: one writer, bounded bytes, previews give way, stuck sockets close. */
class ClientSocketTest {

    private static Frame.Binary preview(int tag, int size) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) tag;
        return new Frame.Binary(bytes, true);
    }

    private static Frame.Text text(String s) {
        return new Frame.Text(s);
    }

    @Test
    void anIdleSocketTakesOneFrameLargerThanItsHardBound() throws Exception {
        ManualSink sink = new ManualSink();
        sink.autoComplete = true;
        ClientSocket socket = new ClientSocket("big", sink, new SocketLimits(100, 1000, Duration.ofMinutes(5)), s -> { });
        socket.start();
        assertThat(socket.offer(new Frame.Binary(new byte[5000], false))).isTrue();
        waitFor(() -> sink.written.size() == 1);
        assertThat(socket.isOpen()).isTrue();
    }

    @Test
    void previewsOverTheSoftBoundAreReplacedByTheNewestButTextIsKept() throws Exception {
        ManualSink sink = new ManualSink();
        ClientSocket socket = new ClientSocket("s", sink, new SocketLimits(1000, 100_000, Duration.ofMinutes(5)), s -> { });
        socket.start();
        socket.offer(text("first"));
        waitFor(() -> sink.written.size() == 1);   // the writer is now stuck on "first"
        for (int i = 0; i < 50; i++) {
            assertThat(socket.offer(preview(i, 400))).isTrue();
            socket.offer(text("progress " + i));
        }
        assertThat(socket.pendingBytes()).isLessThanOrEqualTo(1000 + 400 + 50 * 12L);
        sink.releaseAll();
        waitFor(() -> sink.written.size() == 1 + 50 + 1);
        List<Frame> after = sink.written.subList(1, sink.written.size());
        assertThat(after.stream().filter(f -> f instanceof Frame.Text).map(f -> ((Frame.Text) f).json()).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "progress " + i).toList());
        List<Frame.Binary> previews = after.stream().filter(Frame::isPreview).map(f -> (Frame.Binary) f).toList();
        assertThat(previews).hasSize(1);
        assertThat(previews.getFirst().bytes()[0]).isEqualTo((byte) 49);
        assertThat(socket.droppedPreviews()).isGreaterThan(0);
    }

    @Test
    void textOverTheHardBoundClosesTheSocketWith1001() throws Exception {
        ManualSink sink = new ManualSink();
        AtomicInteger unregistered = new AtomicInteger();
        ClientSocket socket = new ClientSocket("s", sink, new SocketLimits(100, 1000, Duration.ofMinutes(5)),
                s -> unregistered.incrementAndGet());
        socket.start();
        socket.offer(text("x".repeat(10)));
        waitFor(() -> sink.written.size() == 1);
        boolean accepted = true;
        for (int i = 0; i < 200 && accepted; i++) accepted = socket.offer(text("y".repeat(100)));
        assertThat(accepted).isFalse();
        assertThat(sink.closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.closedWith.get()).isEqualTo(1001);
        assertThat(socket.isOpen()).isFalse();
        assertThat(socket.pendingBytes()).isLessThanOrEqualTo(1000);
        assertThat(unregistered.get()).isEqualTo(1);
        assertThat(socket.offer(text("late"))).isFalse();
    }

    @Test
    void aWriteThatNeverCompletesClosesTheSocketAfterTheWriteTimeout() throws Exception {
        ManualSink sink = new ManualSink();
        ClientSocket socket = new ClientSocket("s", sink, new SocketLimits(100, 1000, Duration.ofMillis(100)), s -> { });
        socket.start();
        socket.offer(text("stuck"));
        assertThat(sink.closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.closedWith.get()).isEqualTo(1001);
        assertThat(socket.isOpen()).isFalse();
    }

    @Test
    void framesAreWrittenInOfferOrderByOneWriter() throws Exception {
        ManualSink sink = new ManualSink();
        sink.autoComplete = true;
        ClientSocket socket = new ClientSocket("s", sink, SocketLimits.defaults(), s -> { });
        socket.start();
        for (int i = 0; i < 500; i++) socket.offer(text("m" + i));
        waitFor(() -> sink.written.size() == 500);
        assertThat(sink.written.stream().map(f -> ((Frame.Text) f).json()).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 500).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void onlyTheFirstParsedMessageNegotiates() {
        ClientSocket socket = new ClientSocket("s", new ManualSink(), SocketLimits.defaults(), s -> { });
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(socket.acceptFirstMessage(mapper.createObjectNode().put("type", "hello"))).isFalse();
        var flags = mapper.createObjectNode().put("type", "feature_flags");
        flags.putObject("data").put("supports_preview_metadata", true);
        assertThat(socket.acceptFirstMessage(flags)).isFalse();
        assertThat(socket.wantsPreviewMetadata()).isFalse();
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached");
            Thread.sleep(5);
        }
    }
}
