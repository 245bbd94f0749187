package dev.easel.bench.frames;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The binary frames one {@code SaveImageWebsocket} prompt delivered, with their arrival times. */
final class FrameRun {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    final String promptId;
    final long postedNanos;
    final CountDownLatch finished = new CountDownLatch(1);
    private final List<long[]> frames = new ArrayList<>();
    private int malformed;

    FrameRun(String promptId, long postedNanos) {
        this.promptId = promptId;
        this.postedNanos = postedNanos;
    }

    /** Type-1 preview frames must be {@code [u32 1][u32 2 = PNG][PNG bytes]}. */
    synchronized void onFrame(byte[] frame, long at) {
        ByteBuffer header = ByteBuffer.wrap(frame);
        boolean wellFormed = frame.length > 16 && header.getInt(0) == 1 && header.getInt(4) == 2
                && Arrays.equals(frame, 8, 16, PNG_SIGNATURE, 0, 8);
        if (!wellFormed) malformed++;
        frames.add(new long[]{frame.length, at});
    }

    synchronized int frameCount() {
        return frames.size();
    }

    synchronized int malformed() {
        return malformed;
    }

    synchronized long totalBytes() {
        return frames.stream().mapToLong(f -> f[0]).sum();
    }

    /** Bytes that arrived after the first frame, over the time from first to last frame. */
    synchronized double megabytesPerSecondFirstToLast() {
        if (frames.size() < 2) return 0;
        long bytes = totalBytes() - frames.get(0)[0];
        return bytes / 1e6 / (seconds(frames.get(0)[1], frames.get(frames.size() - 1)[1]));
    }

    synchronized double framesPerSecondFirstToLast() {
        if (frames.size() < 2) return 0;
        return (frames.size() - 1) / seconds(frames.get(0)[1], frames.get(frames.size() - 1)[1]);
    }

    /** All bytes over the time from the POST to the last frame (includes encoding the first). */
    synchronized double megabytesPerSecondFromPost() {
        if (frames.isEmpty()) return 0;
        return totalBytes() / 1e6 / seconds(postedNanos, frames.get(frames.size() - 1)[1]);
    }

    synchronized double secondsFromPost() {
        return frames.isEmpty() ? 0 : seconds(postedNanos, frames.get(frames.size() - 1)[1]);
    }

    private static double seconds(long from, long to) {
        return Math.max(1, to - from) / 1e9;
    }
}
