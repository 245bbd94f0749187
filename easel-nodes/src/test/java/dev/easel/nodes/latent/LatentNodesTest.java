package dev.easel.nodes.latent;

import dev.easel.diffusion.latent.Latent;
import dev.easel.engine.node.NodeResult;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.easel.nodes.NodeCalls.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatentNodesTest {

    private static Latent latent(NodeResult result) {
        return (Latent) result.outputs().get(0);
    }

    /** A batch whose item i is filled with the value i. */
    private static Tensor numbered(int batch, int... itemShape) {
        int per = 1;
        for (int d : itemShape) per *= d;
        float[] data = new float[batch * per];
        for (int i = 0; i < data.length; i++) data[i] = i / per;
        int[] shape = new int[itemShape.length + 1];
        shape[0] = batch;
        System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
        return Tensor.of(data, shape);
    }

    private static List<Float> firstValues(Tensor t) {
        int per = t.size() / t.dim(0);
        float[] d = t.data();
        return java.util.stream.IntStream.range(0, t.dim(0)).mapToObj(i -> d[i * per]).toList();
    }

    @Test
    void emptyLatentImageIsZerosOfFourChannelsAtAnEighthOfTheSize() throws Exception {
        Latent out = latent(run(new EmptyLatentImage(), "width", 70, "height", 40, "batch_size", 2));
        assertThat(out.samples().shape()).containsExactly(2, 4, 5, 8);
        assertThat(out.samples().allEqual(0f)).isTrue();
        assertThat(out.noiseMask()).isEmpty();
        assertThat(out.batchIndex()).isEmpty();
    }

    @Test
    void latentUpscaleNearestExactRepeatsEachLatentPixel() throws Exception {
        float[] src = new float[16];
        for (int i = 0; i < 16; i++) src[i] = i;
        Latent out = latent(run(new LatentUpscale(), "samples", Latent.of(Tensor.of(src, 1, 1, 4, 4)),
                "upscale_method", "nearest-exact", "width", 64, "height", 64, "crop", "disabled"));
        Tensor s = out.samples();
        assertThat(s.shape()).containsExactly(1, 1, 8, 8);
        assertThat(s.get(0, 0, 0, 0)).isEqualTo(0f);
        assertThat(s.get(0, 0, 1, 1)).isEqualTo(0f);
        assertThat(s.get(0, 0, 2, 3)).isEqualTo(5f);
        assertThat(s.get(0, 0, 7, 6)).isEqualTo(15f);
    }

    @Test
    void latentUpscaleBilinearInterpolatesWithTorchsHalfPixelCentres() throws Exception {
        Latent out = latent(run(new LatentUpscale(), "samples", Latent.of(Tensor.of(new float[]{0, 4, 8, 12}, 1, 1, 1, 4)),
                "upscale_method", "bilinear", "width", 64, "height", 64, "crop", "disabled"));
        Tensor s = out.samples();
        assertThat(s.shape()).containsExactly(1, 1, 8, 8);
        assertThat(s.slice0(0, 1).reshape(64)).satisfies(t -> {
            float[] row = java.util.Arrays.copyOfRange(t.data(), 40, 48);
            assertThat(row).containsExactly(0, 1, 3, 5, 7, 9, 11, 12);
        });
    }

    @Test
    void latentUpscaleKeepsTheAspectRatioWhenOneSideIsZero() throws Exception {
        Latent out = latent(run(new LatentUpscale(), "samples", Latent.of(Tensor.zeros(1, 4, 8, 16)),
                "upscale_method", "area", "width", 0, "height", 128, "crop", "disabled"));
        assertThat(out.samples().shape()).containsExactly(1, 4, 16, 32);
    }

    @Test
    void latentUpscaleNeverGoesBelowSixtyFourPixels() throws Exception {
        Latent out = latent(run(new LatentUpscale(), "samples", Latent.of(Tensor.zeros(1, 4, 2, 2)),
                "upscale_method", "bicubic", "width", 16, "height", 8, "crop", "disabled"));
        assertThat(out.samples().shape()).containsExactly(1, 4, 8, 8);
    }

    @Test
    void latentUpscaleWithBothSidesZeroReturnsTheSameLatent() throws Exception {
        Latent in = Latent.of(Tensor.zeros(1, 4, 2, 2));
        assertThat(latent(run(new LatentUpscale(), "samples", in, "upscale_method", "bilinear", "width", 0,
                "height", 0, "crop", "center"))).isSameAs(in);
    }

    @Test
    void latentUpscaleCenterCropCutsTheSidesToTheTargetAspect() throws Exception {
        float[] src = new float[32];
        for (int i = 0; i < 32; i++) src[i] = i % 8;
        Latent out = latent(run(new LatentUpscale(), "samples", Latent.of(Tensor.of(src, 1, 1, 4, 8)),
                "upscale_method", "nearest-exact", "width", 64, "height", 64, "crop", "center"));
        float[] firstRow = java.util.Arrays.copyOfRange(out.samples().data(), 0, 8);
        assertThat(firstRow).containsExactly(2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void latentUpscaleKeepsTheNoiseMaskAndBatchIndex() throws Exception {
        Tensor mask = Tensor.ones(1, 1, 16, 16);
        Latent in = new Latent(Tensor.zeros(1, 4, 2, 2), Optional.of(mask), Optional.of(List.of(7)));
        Latent out = latent(run(new LatentUpscale(), "samples", in, "upscale_method", "bilinear", "width", 64,
                "height", 64, "crop", "disabled"));
        assertThat(out.noiseMask()).containsSame(mask);
        assertThat(out.batchIndex()).contains(List.of(7));
    }

    @Test
    void latentUpscaleByRoundsEachSideHalfToEven() throws Exception {
        Latent out = latent(run(new LatentUpscaleBy(), "samples", Latent.of(Tensor.zeros(1, 4, 3, 5)),
                "upscale_method", "nearest-exact", "scale_by", 1.5));
        assertThat(out.samples().shape()).containsExactly(1, 4, 4, 8);
    }

    @Test
    void bislerpBlendsDirectionsSphericallyAndLengthsLinearly() throws Exception {
        // two latent pixels, (1, 0) and (0, 2) over the two channels
        Tensor in = Tensor.of(new float[]{1, 0, 0, 2}, 1, 2, 1, 2);
        Tensor s = latent(run(new LatentUpscaleBy(), "samples", Latent.of(in), "upscale_method", "bislerp",
                "scale_by", 2.0)).samples();
        assertThat(s.shape()).containsExactly(1, 2, 2, 4);
        // ratios 0, 1/4, 3/4 between the pixels, then the last pixel; sin(67.5°)=0.92388, sin(22.5°)=0.38268
        float[] expected0 = {1, 0.92388f * 1.25f, 0.38268f * 1.75f, 0};
        float[] expected1 = {0, 0.38268f * 1.25f, 0.92388f * 1.75f, 2};
        for (int row = 0; row < 2; row++) {
            for (int x = 0; x < 4; x++) {
                assertThat(s.get(0, 0, row, x)).isCloseTo(expected0[x], within(1e-4f));
                assertThat(s.get(0, 1, row, x)).isCloseTo(expected1[x], within(1e-4f));
            }
        }
    }

    @Test
    void latentFromBatchTakesARunAndNumbersIt() throws Exception {
        Latent out = latent(run(new LatentFromBatch(), "samples", Latent.of(numbered(4, 1, 1, 1)), "batch_index", 1, "length", 2));
        assertThat(firstValues(out.samples())).containsExactly(1f, 2f);
        assertThat(out.batchIndex()).contains(List.of(1, 2));
    }

    @Test
    void latentFromBatchCountsANegativeIndexFromTheEndAndClampsTheLength() throws Exception {
        Latent out = latent(run(new LatentFromBatch(), "samples", Latent.of(numbered(4, 1, 1, 1)), "batch_index", -1, "length", 3));
        assertThat(firstValues(out.samples())).containsExactly(3f);
        assertThat(out.batchIndex()).contains(List.of(3));
    }

    @Test
    void latentFromBatchSlicesExistingBatchIndices() throws Exception {
        Latent in = new Latent(numbered(4, 1, 1, 1), Optional.empty(), Optional.of(List.of(10, 11, 12, 13)));
        Latent out = latent(run(new LatentFromBatch(), "samples", in, "batch_index", 1, "length", 2));
        assertThat(out.batchIndex()).contains(List.of(11, 12));
    }

    @Test
    void latentFromBatchCyclesAShorterBatchOfMasksBeforeSlicing() throws Exception {
        Latent in = new Latent(numbered(4, 1, 1, 1), Optional.of(numbered(2, 1, 1, 1)), Optional.empty());
        Latent out = latent(run(new LatentFromBatch(), "samples", in, "batch_index", 1, "length", 2));
        assertThat(firstValues(out.noiseMask().orElseThrow())).containsExactly(1f, 0f);
    }

    @Test
    void latentFromBatchKeepsASingleMask() throws Exception {
        Tensor mask = Tensor.ones(1, 1, 8, 8);
        Latent in = new Latent(numbered(4, 1, 1, 1), Optional.of(mask), Optional.empty());
        Latent out = latent(run(new LatentFromBatch(), "samples", in, "batch_index", 2, "length", 1));
        assertThat(out.noiseMask()).containsSame(mask);
    }

    @Test
    void repeatLatentBatchRepeatsTheWholeBatchAndAddsNoIndicesOfItsOwn() throws Exception {
        Latent out = latent(run(new RepeatLatentBatch(), "samples", Latent.of(numbered(2, 4, 1, 1)), "amount", 3));
        assertThat(firstValues(out.samples())).containsExactly(0f, 1f, 0f, 1f, 0f, 1f);
        assertThat(out.samples().shape()).containsExactly(6, 4, 1, 1);
        assertThat(out.batchIndex()).isEmpty();
    }

    @Test
    void repeatLatentBatchContinuesBatchIndicesPastTheirSpan() throws Exception {
        Latent in = new Latent(numbered(2, 4, 1, 1), Optional.empty(), Optional.of(List.of(3, 5)));
        Latent out = latent(run(new RepeatLatentBatch(), "samples", in, "amount", 3));
        assertThat(out.batchIndex()).contains(List.of(3, 5, 6, 8, 9, 11));
    }

    @Test
    void repeatLatentBatchRepeatsABatchOfMasksButKeepsASingleOne() throws Exception {
        Latent many = new Latent(numbered(2, 4, 1, 1), Optional.of(numbered(2, 1, 1, 1)), Optional.empty());
        assertThat(firstValues(latent(run(new RepeatLatentBatch(), "samples", many, "amount", 2)).noiseMask().orElseThrow()))
                .containsExactly(0f, 1f, 0f, 1f);
        Tensor single = Tensor.ones(1, 1, 8, 8);
        Latent one = new Latent(numbered(2, 4, 1, 1), Optional.of(single), Optional.empty());
        assertThat(latent(run(new RepeatLatentBatch(), "samples", one, "amount", 2)).noiseMask()).containsSame(single);
    }

    @Test
    void setLatentNoiseMaskStoresTheMaskWithAChannelAxis() throws Exception {
        Tensor mask = Tensor.of(new float[]{0, 1, 0.5f, 1, 0, 0}, 2, 3);
        Latent out = latent(run(new SetLatentNoiseMask(), "samples", Latent.of(Tensor.zeros(1, 4, 1, 1)), "mask", mask));
        assertThat(out.noiseMask().orElseThrow().shape()).containsExactly(1, 1, 2, 3);
        assertThat(out.noiseMask().orElseThrow().data()).containsExactly(0, 1, 0.5f, 1, 0, 0);
        Latent batch = latent(run(new SetLatentNoiseMask(), "samples", Latent.of(Tensor.zeros(2, 4, 1, 1)),
                "mask", Tensor.zeros(2, 3, 5)));
        assertThat(batch.noiseMask().orElseThrow().shape()).containsExactly(2, 1, 3, 5);
    }
}
