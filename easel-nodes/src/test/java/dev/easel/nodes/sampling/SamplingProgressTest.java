package dev.easel.nodes.sampling;

import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.sample.StepListener;
import dev.easel.engine.node.ExecutionInterruptedException;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.engine.node.Preview;
import dev.easel.nodes.RecordingContext;
import dev.easel.nodes.RecordingContext.ProgressCall;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplingProgressTest {
    @TempDir
    Path base;

    /** Step {@code index} of {@code total}, whose denoised latent holds the index, so encoders can tell steps apart. */
    private static StepListener.Step step(int index, int total) {
        Tensor denoised = Tensor.full(index, 1, 4, 2, 2);
        return new StepListener.Step(index, total, denoised, denoised, 1.0, 0.5);
    }

    private static byte[] indexByte(Tensor denoised) {
        return new byte[]{(byte) denoised.data()[0]};
    }

    private PackEnvironment env(String previewMethod) {
        PackEnvironment under = PackEnvironment.under(base);
        return new PackEnvironment(under.baseDir(), under.outputDir(), under.inputDir(), under.tempDir(), false,
                previewMethod, 512, Map.of());
    }

    private static List<Integer> values(RecordingContext ctx) {
        return ctx.progress.stream().map(p -> p.value().intValue()).toList();
    }

    private static List<Integer> stepsWithPreview(RecordingContext ctx) {
        return ctx.progress.stream().filter(p -> p.preview().isPresent()).map(p -> p.value().intValue()).toList();
    }

    @Test
    void withoutPreviewsEveryStepReportsItsNumberAndTheStepCount() {
        RecordingContext ctx = new RecordingContext();
        try (SamplingProgress progress = new SamplingProgress(ctx, Optional.empty())) {
            for (int i = 0; i < 4; i++) progress.onStep(step(i, 4));
            progress.finish();
        }
        assertThat(ctx.progress).containsExactly(
                new ProgressCall(1, 4, Optional.empty()), new ProgressCall(2, 4, Optional.empty()),
                new ProgressCall(3, 4, Optional.empty()), new ProgressCall(4, 4, Optional.empty()));
    }

    @Test
    void anEncoderThatKeepsUpAttachesEachStepsOwnJpeg() throws Exception {
        RecordingContext ctx = new RecordingContext();
        try (SamplingProgress progress = new SamplingProgress(ctx, Optional.of(SamplingProgressTest::indexByte))) {
            for (int i = 0; i < 3; i++) {
                progress.onStep(step(i, 3));
                while (ctx.progress.size() <= i) Thread.sleep(1);
            }
            progress.finish();
        }
        assertThat(values(ctx)).containsExactly(1, 2, 3);
        assertThat(ctx.progress).allSatisfy(p -> {
            assertThat(p.max()).isEqualTo(3);
            assertThat(p.preview().orElseThrow().format()).isEqualTo(Preview.Format.JPEG);
        });
        assertThat(ctx.progress).extracting(p -> p.preview().orElseThrow().encoded()[0])
                .containsExactly((byte) 0, (byte) 1, (byte) 2);
    }

    @Test
    void aSlowEncoderNeverHoldsUpStepsAndEncodesOnlyTheNewestFew() throws Exception {
        RecordingContext ctx = new RecordingContext();
        CountDownLatch firstStarted = new CountDownLatch(1), release = new CountDownLatch(1);
        List<Integer> encoded = new CopyOnWriteArrayList<>();
        PreviewEncoder slow = denoised -> {
            encoded.add((int) denoised.data()[0]);
            firstStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return indexByte(denoised);
        };
        try (SamplingProgress progress = new SamplingProgress(ctx, Optional.of(slow))) {
            progress.onStep(step(0, 7));
            firstStarted.await();
            // the encoder is stuck on step 0: every further step still returns at once
            for (int i = 1; i < 7; i++) progress.onStep(step(i, 7));
            assertThat(ctx.progress).isEmpty();
            release.countDown();
            progress.finish();
        }
        // steps 1 to 3 gave way to the three newest
        assertThat(encoded).containsExactly(0, 4, 5, 6);
        assertThat(values(ctx)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(stepsWithPreview(ctx)).containsExactly(1, 5, 6, 7);
    }

    @Test
    void finishReturnsOnlyOnceEveryStepIsReported() {
        RecordingContext ctx = new RecordingContext();
        try (SamplingProgress progress = new SamplingProgress(ctx, Optional.of(SamplingProgressTest::indexByte))) {
            for (int i = 0; i < 20; i++) progress.onStep(step(i, 20));
            progress.finish();
            assertThat(values(ctx)).hasSize(20).isSorted().startsWith(1).endsWith(20);
            assertThat(stepsWithPreview(ctx)).endsWith(20);
        }
    }

    @Test
    void anInterruptStopsSamplingAtTheNextStep() {
        RecordingContext ctx = new RecordingContext();
        List<Integer> stepsRun = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> SamplingProgress.around(ctx, env("none"), LatentFormat.SD15, listener -> {
            for (int i = 0; i < 10; i++) {
                if (i == 3) ctx.interrupt();
                stepsRun.add(i);
                listener.onStep(step(i, 10));
            }
            return "done";
        })).isInstanceOf(ExecutionInterruptedException.class);
        assertThat(stepsRun).containsExactly(0, 1, 2, 3);
        assertThat(values(ctx)).containsExactly(1, 2, 3);
    }

    @Test
    void anInterruptAlsoStopsTheEncoderBeforeTheNodeReturns() {
        RecordingContext ctx = new RecordingContext();
        assertThatThrownBy(() -> {
            try (SamplingProgress progress = new SamplingProgress(ctx, Optional.of(SamplingProgressTest::indexByte))) {
                for (int i = 0; i < 10; i++) {
                    if (i == 3) ctx.interrupt();
                    progress.onStep(step(i, 10));
                }
            }
        }).isInstanceOf(ExecutionInterruptedException.class);
        // whatever the encoder had reported when it was stopped: the first steps, in order, none after the interrupt
        List<Integer> reported = values(ctx);
        assertThat(reported.size()).isLessThanOrEqualTo(3);
        assertThat(reported).isEqualTo(List.of(1, 2, 3).subList(0, reported.size()));
        assertThat(values(ctx)).isEqualTo(reported);
    }

    @Test
    void aFailingEncoderFailsTheSampling() {
        RecordingContext ctx = new RecordingContext();
        IllegalStateException broken = new IllegalStateException("preview broken");
        assertThatThrownBy(() -> {
            try (SamplingProgress progress = new SamplingProgress(ctx, Optional.of(d -> { throw broken; }))) {
                progress.onStep(step(0, 2));
                progress.finish();
            }
        }).isSameAs(broken);
        assertThat(ctx.progress).isEmpty();
    }

    @Test
    void theServersMethodNoneSendsNoImages() {
        RecordingContext ctx = new RecordingContext();
        SamplingProgress.around(ctx, env("none"), LatentFormat.SD15, listener -> {
            listener.onStep(step(0, 1));
            return null;
        });
        assertThat(ctx.progress).containsExactly(new ProgressCall(1, 1, Optional.empty()));
    }

    @Test
    void aPromptsPreviewMethodOverridesTheServers() {
        RecordingContext ctx = new RecordingContext(Map.of("preview_method", "latent2rgb"));
        SamplingProgress.around(ctx, env("none"), LatentFormat.SD15, listener -> {
            listener.onStep(step(0, 1));
            return null;
        });
        byte[] jpeg = ctx.progress.get(0).preview().orElseThrow().encoded();
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
    }

    @Test
    void aPromptCanTurnPreviewsOffForItself() {
        RecordingContext ctx = new RecordingContext(Map.of("preview_method", "none"));
        SamplingProgress.around(ctx, env("auto"), LatentFormat.SD15, listener -> {
            listener.onStep(step(0, 1));
            return null;
        });
        assertThat(ctx.progress).containsExactly(new ProgressCall(1, 1, Optional.empty()));
    }
}
