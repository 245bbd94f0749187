package dev.easel.models.demo;

import ai.onnxruntime.OrtException;
import dev.easel.diffusion.model.DiscreteSampling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The UNet graph against the mixture's ε computed here in double precision from the model's parameters. */
class DemoUnetTest {
    static final int D = Concept.DIMENSIONS, N = 4 * 64 * 64, TOKENS = 77;
    @TempDir
    static Path dir;
    static DemoSessions demo;
    static float[][] scenes;
    static float[] average;

    @BeforeAll
    static void write() throws Exception {
        DemoModel.writeTo(dir.resolve("model"));
        demo = new DemoSessions(dir.resolve("model"));
        scenes = Templates.latents(new DemoVae());
        average = SceneMath.average(scenes);
    }

    @AfterAll
    static void close() throws OrtException {
        demo.close();
    }

    @ParameterizedTest
    @ValueSource(doubles = {999, 640, 500.5, 300, 120})
    void epsIsTheMixturesExactNoisePrediction(double timestep) throws OrtException {
        double sigma = DiscreteSampling.eps().sigma(timestep);
        float[] hidden = new float[2 * TOKENS * D];
        hidden[D + Concept.BOTTLE.ordinal()] = 1f;
        hidden[2 * D + Concept.GALAXY.ordinal()] = 1f;
        hidden[3 * D + Concept.SEA.ordinal()] = 0.4f;
        hidden[TOKENS * D + 5 * D + Concept.CAT.ordinal()] = 0.2f;
        Random random = new Random(7);
        float[] x = new float[2 * N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) (0.5 * scenes[Scene.GALAXY_BOTTLE.ordinal()][i] + 0.5 * scenes[Scene.SPIRAL_GALAXY.ordinal()][i]
                    + sigma * random.nextGaussian());
            x[N + i] = (float) (average[i] + 0.3 * (scenes[Scene.CAT.ordinal()][i] - average[i]) + sigma * random.nextGaussian());
        }
        float[] in = new float[x.length];
        for (int i = 0; i < x.length; i++) in[i] = (float) (x[i] / Math.sqrt(sigma * sigma + 1));

        float[] eps = demo.unet(in, new long[]{2, 4, 64, 64}, new float[]{(float) timestep, (float) timestep}, hidden);

        for (int row = 0; row < 2; row++) {
            double[] expected = mixtureEps(java.util.Arrays.copyOfRange(x, row * N, (row + 1) * N),
                    java.util.Arrays.copyOfRange(hidden, row * TOKENS * D, (row + 1) * TOKENS * D), sigma);
            double scale = 0;
            for (double e : expected) scale = Math.max(scale, Math.abs(e));
            for (int i = 0; i < N; i++) {
                assertThat((double) eps[row * N + i]).as("row %d element %d", row, i)
                        .isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-4 * scale));
            }
        }
    }

    /** ε = σ/(v+σ²)·(x − Σ p m) over every scene k at every framing, written from the class comment. */
    static double[] mixtureEps(float[] x, float[] hidden, double sigma) {
        double v = DemoUnet.VARIANCE, variance = v + sigma * sigma;
        double sigmaMax = DiscreteSampling.eps().sigmaMax(), varianceAtStart = v + sigmaMax * sigmaMax;
        double[] pooled = new double[D];
        for (int t = 0; t < TOKENS; t++) {
            for (int d = 0; d < D; d++) pooled[d] += hidden[t * D + d];
        }
        List<double[]> means = new ArrayList<>();
        List<Double> logits = new ArrayList<>();
        for (Scene scene : Scene.values()) {
            double score = 0;
            for (Concept concept : Concept.values()) score += pooled[concept.ordinal()] * scene.affinity(concept);
            double contrast = DemoUnet.GHOST + DemoUnet.PROMPT_GAIN * Math.tanh(DemoUnet.STRENGTH_SLOPE * score);
            for (int dy = -DemoUnet.JITTER; dy <= DemoUnet.JITTER; dy++) {
                for (int dx = -DemoUnet.JITTER; dx <= DemoUnet.JITTER; dx++) {
                    float[] framed = SceneMath.shift(scenes[scene.ordinal()], dy, dx);
                    double[] m = new double[N];
                    double xm = 0, mm = 0;
                    for (int i = 0; i < N; i++) {
                        m[i] = average[i] + contrast * (framed[i] - average[i]);
                        xm += x[i] * m[i];
                        mm += m[i] * m[i];
                    }
                    means.add(m);
                    logits.add(DemoUnet.PROMPT_SHARPNESS * score + xm / variance - 0.5 * mm * (1 / variance - 1 / varianceAtStart));
                }
            }
        }
        double max = logits.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), total = 0;
        double[] weights = new double[logits.size()];
        for (int j = 0; j < weights.length; j++) total += weights[j] = Math.exp(logits.get(j) - max);
        double[] eps = new double[N];
        for (int i = 0; i < N; i++) {
            double mean = 0;
            for (int j = 0; j < weights.length; j++) mean += weights[j] / total * means.get(j)[i];
            eps[i] = sigma / variance * (x[i] - mean);
        }
        return eps;
    }
}
