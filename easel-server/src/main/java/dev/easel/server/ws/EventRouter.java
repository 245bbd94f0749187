package dev.easel.server.ws;

import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.ExecutionEvent.ExecutionError;
import dev.easel.engine.event.ExecutionEvent.PreviewImage;
import dev.easel.engine.node.Preview;
import dev.easel.server.eta.RemainingTime;
import dev.easel.server.wire.BinaryFrames;
import dev.easel.server.wire.EventMessages;
import dev.easel.server.wire.Json;
import dev.easel.server.wire.ProgressStateText;
import dev.easel.server.ws.JobAudience.Reach;

import java.util.Optional;

/**
 * Sends one run's events to the right sockets (§3.5). Messages for the prompt's client are
 * suppressed when it has none, except those ComfyUI lets fall through to a broadcast
 * (progress, previews, interrupts, blocker errors); a broadcast reaches only the sockets whose
 * user sees the job's owner (see {@link JobAudience}). A type-1 preview goes out right after the
 * {@code progress} it belongs to, a type-4 preview before it (§3.7). Not thread-safe on its own:
 * the caller serialises events.
 */
public final class EventRouter {
    private final SocketHub hub;
    private final JobAudience job;
    private Optional<Frame> pendingPreview = Optional.empty();
    private final ProgressStateText progressState = new ProgressStateText();
    private final Optional<LiveView> live;
    private final Optional<RemainingTime> remaining;

    public EventRouter(SocketHub hub, JobAudience job) {
        this(hub, job, Optional.empty());
    }

    /** The same, also sending the run's time estimates to its client if that client asked for them. */
    public EventRouter(SocketHub hub, JobAudience job, Optional<RemainingTime> remaining) {
        this.hub = hub;
        this.job = job;
        this.live = Optional.of(new LiveView(job, progressState));
        live.ifPresent(hub::track);
        this.remaining = remaining;
    }

    public void route(ExecutionEvent event) {
        boolean isProgress = event instanceof ExecutionEvent.Progress;
        if (!isProgress) flushPreview();
        switch (event) {
            case PreviewImage preview -> preview(preview);
            case ExecutionEvent.ProgressText text -> hub.toJob(job, Reach.ALL,
                    () -> new Frame.Binary(BinaryFrames.progressText(text.nodeId(), text.text()), false));
            case ExecutionEvent.ProgressState p -> hub.toJob(job, Reach.CLIENT_ELSE_ALL, () -> new Frame.Text(progressState.message(p)));
            default -> {
                Reach reach = switch (event) {
                    case ExecutionEvent.Progress p -> Reach.CLIENT_ELSE_ALL;
                    case ExecutionEvent.ExecutionInterrupted i -> Reach.CLIENT_ELSE_ALL;
                    case ExecutionError e when e.isBlocker() -> Reach.CLIENT_ELSE_ALL;
                    default -> Reach.CLIENT;
                };
                if (event.isTerminal()) hub.toJobLast(job, reach, () -> textFrame(event));
                else hub.toJob(job, reach, () -> textFrame(event));
            }
        }
        live.ifPresent(view -> {
            switch (event) {
                case ExecutionEvent.Executing executing -> view.executing(executing.displayNodeId());
                case ExecutionEvent.ProgressState state -> view.progress(state);
                case PreviewImage image -> view.preview(image);
                default -> { }
            }
        });
        if (isProgress) flushPreview();
        remaining.filter(r -> r.observe(event)).ifPresent(this::sendEstimate);
    }

    /** Written only for a client that asked for it. */
    private void sendEstimate(RemainingTime remaining) {
        hub.toJob(job, Reach.CLIENT, socket -> socket.hasFlag(SocketHub.REMAINING_TIME_FLAG),
                () -> SocketHub.text("remaining_time", remaining.estimate().json()));
    }

    /** The run is over: anything held back goes out, and reconnects and watchers no longer see the run. */
    public void finish() {
        flushPreview();
        live.ifPresent(hub::untrack);
    }

    /** The metadata form at once to addressed sockets that asked for it; the plain one, after its progress, to the rest. */
    /**
     * After the run's last {@code status}: ComfyUI's {@code executing} with a null node tells the
     * client that its prompt is done; it is the last message watchers get.
     */
    public void idle() {
        hub.toJob(job, Reach.CLIENT, () -> SocketHub.text("executing", Json.object().putNull("node").put("prompt_id", job.promptId())));
        hub.endWatches(job.promptId());
    }

    private void preview(PreviewImage preview) {
        boolean droppable = isDroppable(preview);
        hub.toJob(job, Reach.CLIENT_ELSE_ALL, this::wantsMetadata,
                () -> new Frame.Binary(BinaryFrames.previewWithMetadata(preview), droppable));
        pendingPreview = Optional.of(new Frame.Binary(BinaryFrames.preview(preview), droppable));
    }

    private boolean wantsMetadata(ClientSocket socket) {
        return socket.wantsPreviewMetadata() && hub.addressed(job, socket);
    }

    /**
     * JPEG frames are sampler previews: the next one supersedes them, so a slow client may lose
     * them. PNG frames are full-size images ({@code SaveImageWebsocket}'s output), which a client
     * must not silently lose; under pressure they count towards the hard bound instead.
     */
    private static boolean isDroppable(PreviewImage preview) {
        return preview.preview().format() == Preview.Format.JPEG;
    }

    private void flushPreview() {
        pendingPreview.ifPresent(frame -> hub.toJob(job, Reach.CLIENT_ELSE_ALL, socket -> !wantsMetadata(socket), () -> frame));
        pendingPreview = Optional.empty();
    }

    private static Frame textFrame(ExecutionEvent event) {
        return new Frame.Text(Json.write(EventMessages.message(event)));
    }
}
