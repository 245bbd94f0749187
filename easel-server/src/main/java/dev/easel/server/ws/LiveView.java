package dev.easel.server.ws;

import dev.easel.engine.event.ExecutionEvent.PreviewImage;
import dev.easel.engine.event.ExecutionEvent.ProgressState;
import dev.easel.engine.node.Preview;
import dev.easel.server.wire.BinaryFrames;
import dev.easel.server.wire.Json;
import dev.easel.server.wire.ProgressStateText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where one run stands, for its client reconnecting in the middle of it: the node executing,
 * the latest {@code progress_state} and the latest preview. Frames are written only when a
 * reconnect asks for them. Belongs to the run's {@link EventRouter}.
 */
final class LiveView {
    private final JobAudience job;
    private final ProgressStateText progressText;
    private Optional<String> node = Optional.empty();
    private Optional<ProgressState> progress = Optional.empty();
    private Optional<PreviewImage> preview = Optional.empty();

    LiveView(JobAudience job, ProgressStateText progressText) {
        this.job = job;
        this.progressText = progressText;
    }

    JobAudience job() {
        return job;
    }

    synchronized void executing(String displayNode) {
        node = Optional.of(displayNode);
    }

    synchronized void progress(ProgressState state) {
        progress = Optional.of(state);
    }

    synchronized void preview(PreviewImage image) {
        preview = Optional.of(image);
    }

    /**
     * {@code executing} for the current node, the latest {@code progress_state}, the latest
     * preview as a type-1 frame; whichever exist. Called under the hub's lock, as every other
     * use of the run's progress text is.
     */
    synchronized List<Frame> snapshot() {
        List<Frame> frames = new ArrayList<>();
        node.ifPresent(n -> frames.add(SocketHub.text("executing", Json.object().put("node", n))));
        progress.ifPresent(p -> frames.add(new Frame.Text(progressText.message(p))));
        preview.ifPresent(p -> frames.add(new Frame.Binary(BinaryFrames.preview(p),
                p.preview().format() == Preview.Format.JPEG)));
        return frames;
    }
}
