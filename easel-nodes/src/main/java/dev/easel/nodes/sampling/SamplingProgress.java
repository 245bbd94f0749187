package dev.easel.nodes.sampling;

import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.preview.LatentPreview;
import dev.easel.diffusion.sample.StepListener;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.engine.node.Preview;
import dev.easel.tensor.Tensor;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The sampler nodes' step listener: one {@code progress} per step, in order (value = step + 1,
 * max = the sampler's step count), each carrying a JPEG preview unless the prompt's preview method
 * is {@code none}.
 *
 * <p>The sampling thread never waits for a preview. It checks for an interrupt, then leaves the
 * step in a mailbox that keeps the {@value #BACKLOG} newest steps, so that an encoder that falls
 * behind for a moment (a fresh JVM's first encodes) catches up without losing a preview, and one
 * that stays behind shows the newest steps rather than ever older ones. A single virtual thread
 * takes the oldest kept step, reports the steps dropped before it without a preview, encodes the
 * one it took and reports it with its image. All progress is sent from that thread, so it stays
 * in step order. When sampling ends, {@link #finish} waits until every step is reported; an
 * interrupt or a failure ends the encoder instead (through {@link #close}).
 */
public final class SamplingProgress implements StepListener, AutoCloseable {
    /** Steps an encoder may be behind before the oldest waiting ones lose their previews. */
    static final int BACKLOG = 3;
    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();
    private final NodeContext ctx;
    private final Optional<PreviewEncoder> encoder;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread worker;
    private final ArrayDeque<StepListener.Step> pending = new ArrayDeque<>(BACKLOG);
    private boolean ended;
    private boolean stopped;
    private int reported;
    private RuntimeException failure;

    SamplingProgress(NodeContext ctx, Optional<PreviewEncoder> encoder) {
        this.ctx = ctx;
        this.encoder = encoder;
        this.worker = encoder.isPresent()
                ? Thread.ofVirtual().name("preview-" + ctx.uniqueId()).start(this::encodeSteps)
                : null;
    }

    /**
     * Encodes a few throwaway previews on a background thread, once per JVM. The first JPEG
     * encodes of a JVM take several times as long as later ones (class loading, the codec's
     * set-up, compilation), which on a fast model would cost the first run of a fresh server the
     * previews of its first steps.
     */
    public static void warmUpInBackground(int maxSize) {
        if (!WARMED_UP.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("preview-warm-up").start(() -> {
            LatentPreview preview = new LatentPreview(LatentFormat.SD15);
            Tensor latent = Tensor.zeros(1, 4, 64, 64);
            for (int i = 0; i < 3; i++) preview.jpeg(latent, maxSize);
        });
    }

    /** The listener for one sampling call, with the prompt's preview method and the server's preview size. */
    public static SamplingProgress start(NodeContext ctx, PackEnvironment env, LatentFormat format) {
        PreviewMethod method = PreviewMethod.forPrompt(env.previewMethod(), ctx.extraData());
        if (!method.draws()) return new SamplingProgress(ctx, Optional.empty());
        LatentPreview preview = new LatentPreview(format);
        int maxSize = env.previewSize();
        return new SamplingProgress(ctx, Optional.of(denoised -> preview.jpeg(denoised, maxSize)));
    }

    /** Runs {@code sampling} with a listener, and returns once every step's progress has been sent. */
    public static <T> T around(NodeContext ctx, PackEnvironment env, LatentFormat format,
                               Function<StepListener, T> sampling) {
        try (SamplingProgress progress = start(ctx, env, format)) {
            T result = sampling.apply(progress);
            progress.finish();
            return result;
        }
    }

    @Override
    public void onStep(Step step) {
        ctx.checkInterrupted();
        if (worker == null) {
            ctx.progress(step.index() + 1, step.total());
            return;
        }
        lock.lock();
        try {
            if (failure != null) throw failure;
            if (pending.size() == BACKLOG) pending.removeFirst();
            pending.addLast(step);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the encoder has reported every step; rethrows what stopped it. */
    public void finish() {
        if (worker == null) return;
        lock.lock();
        try {
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        joinWorker();
        lock.lock();
        try {
            if (failure != null) throw failure;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the encoder without waiting for pending steps (after an interrupt or a failure). */
    @Override
    public void close() {
        if (worker == null || !worker.isAlive()) return;
        lock.lock();
        try {
            stopped = true;
            pending.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        worker.interrupt();
        // no progress may be sent after the node has returned or failed
        joinWorker();
    }

    private void encodeSteps() {
        try {
            Step step;
            while ((step = nextStep()) != null) {
                for (int skipped = reported; skipped < step.index(); skipped++) {
                    report(skipped, step.total(), Optional.empty());
                }
                Tensor denoised = step.denoised();
                byte[] jpeg = encoder.orElseThrow().jpeg(denoised);
                report(step.index(), step.total(), Optional.of(new Preview(Preview.Format.JPEG, jpeg)));
            }
        } catch (RuntimeException e) {
            lock.lock();
            try {
                failure = e;
            } finally {
                lock.unlock();
            }
        }
    }

    /** The oldest kept step, or null once sampling has ended (or stopped) and nothing is left. */
    private Step nextStep() {
        lock.lock();
        try {
            while (pending.isEmpty() && !ended && !stopped) changed.awaitUninterruptibly();
            if (stopped) return null;
            return pending.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    private void report(int index, int total, Optional<Preview> preview) {
        lock.lock();
        try {
            if (stopped) return;
        } finally {
            lock.unlock();
        }
        ctx.progress(index + 1, total, preview);
        reported = index + 1;
    }

    private void joinWorker() {
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
