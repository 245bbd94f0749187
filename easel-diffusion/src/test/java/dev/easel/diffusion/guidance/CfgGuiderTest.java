package dev.easel.diffusion.guidance;

import dev.easel.diffusion.cond.Area;
import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.sample.Prediction;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CfgGuiderTest {
    private static final ConditioningEntry POSITIVE = RecordingModel.text(1f);
    private static final ConditioningEntry NEGATIVE = RecordingModel.text(3f);
    private static final double SIGMA = 2.0;

    @Test
    void positiveAndNegativeShareOneCallWithTheNegativeRowsFirst() {
        RecordingModel model = new RecordingModel(DiscreteSampling.eps(), 64);
        new CfgGuider(model, Conditioning.of(POSITIVE), Conditioning.of(NEGATIVE), 7.5).predict(latent(1), SIGMA);
        assertThat(model.calls).hasSize(1);
        assertThat(model.calls.get(0).xIn().shape()).containsExactly(2, 1, 2, 2);
        assertThat(model.calls.get(0).conds()).containsExactly(NEGATIVE, POSITIVE);
    }

    @Test
    void eachEntryBringsOneRowPerBatchItem() {
        RecordingModel model = new RecordingModel(DiscreteSampling.eps(), 64);
        new CfgGuider(model, Conditioning.of(POSITIVE), Conditioning.of(NEGATIVE), 7.5).predict(latent(2), SIGMA);
        assertThat(model.calls.get(0).conds()).containsExactly(NEGATIVE, NEGATIVE, POSITIVE, POSITIVE);
    }

    @Test
    void networkGetsTheScaledInputAndTheTimestepOfSigma() {
        DiscreteSampling sampling = DiscreteSampling.eps();
        RecordingModel model = new RecordingModel(sampling, 64);
        Tensor x = latent(1);
        new CfgGuider(model, Conditioning.of(POSITIVE), Conditioning.of(NEGATIVE), 7.5).predict(x, SIGMA);
        RecordingModel.Call call = model.calls.get(0);
        assertThat(call.timesteps()).containsExactly(sampling.timestep(SIGMA), sampling.timestep(SIGMA));
        assertThat(call.xIn().data()).containsExactly(sampling.calculateInput(SIGMA, Tensor.cat0(x, x)).data());
    }

    @Test
    void cfgOneSkipsTheNegativeEntirely() {
        RecordingModel model = new RecordingModel(DiscreteSampling.eps(), 64);
        new CfgGuider(model, Conditioning.of(POSITIVE), Conditioning.of(NEGATIVE), 1.0).predict(latent(1), SIGMA);
        assertThat(model.calls).hasSize(1);
        assertThat(model.calls.get(0).conds()).containsExactly(POSITIVE);
    }

    @Test
    void alwaysUnconditionalEvaluatesTheNegativeAtCfgOne() {
        RecordingModel model = new RecordingModel(DiscreteSampling.eps(), 64);
        Prediction p = new CfgGuider(model, Conditioning.of(POSITIVE), Conditioning.of(NEGATIVE), 1.0)
                .alwaysUnconditional().predict(latent(1), SIGMA);
        assertThat(model.calls.get(0).conds()).containsExactly(NEGATIVE, POSITIVE);
        // ε = 3 for the negative: D_u = x − σ·3.
        assertThat(p.unconditional().data()).containsExactly(expectedEps(latent(1), 3f));
    }

    @Test
    void guidedEstimateIsUnconditionalPlusCfgTimesTheDifference() {
        RecordingModel model = new RecordingModel(DiscreteSampling.eps(), 64);
        Tensor x = latent(1);
        Prediction p = new CfgGuider(model, Conditioning.of(POSITIVE), Conditioning.of(NEGATIVE), 7.5).predict(x, SIGMA);
        float[] cond = expectedEps(x, 1f), uncond = expectedEps(x, 3f), guided = new float[cond.length];
        for (int i = 0; i < guided.length; i++) guided[i] = uncond[i] + (cond[i] - uncond[i]) * 7.5f;
        assertThat(p.denoised().data()).containsExactly(guided);
        assertThat(p.unconditional().data()).containsExactly(uncond);
    }

    @Test
    void rowsBeyondTheBatchLimitGoToSeparateCalls() {
        RecordingModel model = new RecordingModel(DiscreteSampling.eps(), 1);
        new CfgGuider(model, Conditioning.of(POSITIVE), Conditioning.of(NEGATIVE), 7.5).predict(latent(1), SIGMA);
        assertThat(model.calls).extracting(RecordingModel.Call::conds).containsExactly(List.of(NEGATIVE), List.of(POSITIVE));
    }

    @Test
    void batchTooLargeIsHalvedTakingTheLastEntriesFirst() {
        // Three compatible entries, two rows allowed: ComfyUI tries 3, then 3/2 = 1 of the last
        // entries, so the negative runs alone and then both positives, in reverse order.
        RecordingModel model = new RecordingModel(DiscreteSampling.eps(), 2);
        ConditioningEntry second = RecordingModel.text(2f);
        new CfgGuider(model, new Conditioning(List.of(POSITIVE, second)), Conditioning.of(NEGATIVE), 7.5).predict(latent(1), SIGMA);
        assertThat(model.calls).extracting(RecordingModel.Call::conds).containsExactly(List.of(NEGATIVE), List.of(second, POSITIVE));
    }

    @Test
    void entriesOfOneSideAreAveraged() {
        // Estimates 1 and 2 at strength 1 each average to 1.5; cfg 1 returns it.
        RecordingModel model = new RecordingModel(new X0Sampling(), 64);
        Prediction p = new CfgGuider(model, new Conditioning(List.of(POSITIVE, RecordingModel.text(2f))), Conditioning.of(NEGATIVE), 1.0)
                .predict(latent(1), SIGMA);
        assertThat(p.denoised().data()).containsOnly(1.5f);
    }

    @Test
    void areaEntryIsWeightedByStrengthAndFeatheredAtInnerEdges() {
        // Latent 1×16; base text 1 everywhere, text 5 on columns 4..11 at strength 0.5. The area is
        // 8 wide, so it fades over min(8, 8/4) = 2 columns at both inner edges: weights
        // 0.5·[0.5, 1, 1, 1, 1, 1, 1, 0.5]. Column 4: (1 + 5·0.25)/(1 + 0.25) = 1.8; columns 5..10:
        // (1 + 5·0.5)/1.5; outside: 1.
        RecordingModel model = new RecordingModel(new X0Sampling(), 64);
        ConditioningEntry area = RecordingModel.text(5f).withArea(new Area(1, 8, 0, 4), 0.5);
        Conditioning positive = new Conditioning(List.of(POSITIVE, area));
        Prediction p = new CfgGuider(model, positive, Conditioning.of(NEGATIVE), 1.0).predict(Tensor.zeros(1, 1, 1, 16), SIGMA);
        float inner = (1f + 5f * 0.5f) / 1.5f, edge = (1f + 5f * 0.25f) / 1.25f;
        assertThat(p.denoised().data()).containsExactly(
                1, 1, 1, 1, edge, inner, inner, inner, inner, inner, inner, edge, 1, 1, 1, 1);
    }

    @Test
    void areaOnTheLatentBorderIsNotFeatheredThere() {
        // The area starts at column 0: only its right edge fades, over 2 columns.
        RecordingModel model = new RecordingModel(new X0Sampling(), 64);
        ConditioningEntry area = RecordingModel.text(5f).withArea(new Area(1, 8, 0, 0), 1.0);
        Prediction p = new CfgGuider(model, new Conditioning(List.of(POSITIVE, area)), Conditioning.of(NEGATIVE), 1.0)
                .predict(Tensor.zeros(1, 1, 1, 12), SIGMA);
        float full = 6f / 2f, half = (1f + 5f * 0.5f) / 1.5f;
        assertThat(p.denoised().data()).containsExactly(full, full, full, full, full, full, full, half, 1, 1, 1, 1);
    }

    @Test
    void negativeGainsACounterpartOfEachPositiveAreaWithItsOwnText() {
        RecordingModel model = new RecordingModel(new X0Sampling(), 64);
        ConditioningEntry area = RecordingModel.text(5f).withArea(new Area(1, 8, 0, 4), 0.5);
        new CfgGuider(model, new Conditioning(List.of(POSITIVE, area)), Conditioning.of(NEGATIVE), 2.0)
                .predict(Tensor.zeros(1, 1, 1, 16), SIGMA);
        ConditioningEntry counterpart = NEGATIVE.withArea(new Area(1, 8, 0, 4), 0.5);
        assertThat(model.calls).extracting(RecordingModel.Call::conds)
                .containsExactly(List.of(NEGATIVE, POSITIVE), List.of(counterpart, area));
        assertThat(model.calls.get(1).xIn().shape()).containsExactly(2, 1, 1, 8);
    }

    private static Tensor latent(int batch) {
        float[] data = new float[batch * 4];
        for (int i = 0; i < data.length; i++) data[i] = 0.25f * i - 0.5f;
        return Tensor.of(data, batch, 1, 2, 2);
    }

    /** D = x − σ·ε, as ε-prediction's calculate_denoised computes it in float32. */
    private static float[] expectedEps(Tensor x, float eps) {
        float s = (float) SIGMA;
        float[] out = new float[x.size()];
        for (int i = 0; i < out.length; i++) out[i] = x.data()[i] - eps * s;
        return out;
    }
}
