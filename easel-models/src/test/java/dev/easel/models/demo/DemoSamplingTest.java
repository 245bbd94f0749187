package dev.easel.models.demo;

import ai.onnxruntime.OrtException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Whole text-to-image runs through the ONNX graphs, with the sampler written out in {@link EulerLoop}. */
class DemoSamplingTest {
    static final String POSITIVE = "beautiful scenery nature glass bottle landscape, , purple galaxy bottle,";
    static final String NEGATIVE = "text, watermark";
    static final int J = DemoUnet.JITTER;
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

    @Test
    void eulerKarrasRunOfTheDefaultWorkflowPaintsTheGalaxyBottle() throws OrtException {
        float[] latent = EulerLoop.run(demo, POSITIVE, NEGATIVE, 8, EulerLoop.noise(156680208700286L), EulerLoop.karras(20));
        assertLandsOn(latent, Scene.GALAXY_BOTTLE);
    }

    @Test
    void eulerSimpleScheduleConvergesToTheSameScene() throws OrtException {
        float[] latent = EulerLoop.run(demo, POSITIVE, NEGATIVE, 8, EulerLoop.noise(3), EulerLoop.simple(20));
        assertLandsOn(latent, Scene.GALAXY_BOTTLE);
    }

    @Test
    void differentPromptsPaintDifferentScenesFromTheSameNoise() throws OrtException {
        float[] noise = EulerLoop.noise(11);
        float[] cat = EulerLoop.run(demo, "a cat", NEGATIVE, 8, noise, EulerLoop.karras(20));
        float[] mountains = EulerLoop.run(demo, "mountain landscape", NEGATIVE, 8, noise, EulerLoop.karras(20));
        assertLandsOn(cat, Scene.CAT);
        assertLandsOn(mountains, Scene.MOUNTAIN_MEADOW);
    }

    @Test
    void sameSeedGivesTheSameLatentAndAnotherSeedAnother() throws OrtException {
        float[] first = EulerLoop.run(demo, POSITIVE, NEGATIVE, 8, EulerLoop.noise(5), EulerLoop.karras(20));
        float[] again = EulerLoop.run(demo, POSITIVE, NEGATIVE, 8, EulerLoop.noise(5), EulerLoop.karras(20));
        float[] other = EulerLoop.run(demo, POSITIVE, NEGATIVE, 8, EulerLoop.noise(6), EulerLoop.karras(20));
        assertThat(again).containsExactly(first);
        assertThat(SceneMath.rms(first, other)).isGreaterThan(1e-3);
    }

    @Test
    void guidanceExtrapolatesTheScenesContrastFromNegativeToPositive() throws OrtException {
        double positive = promptContrast(POSITIVE, Scene.GALAXY_BOTTLE), negative = promptContrast(NEGATIVE, Scene.GALAXY_BOTTLE);
        for (double cfg : new double[]{1, 4, 8}) {
            float[] latent = EulerLoop.run(demo, POSITIVE, NEGATIVE, cfg, EulerLoop.noise(21), EulerLoop.karras(20));
            double expected = negative + cfg * (positive - negative);
            assertThat(contrast(latent, scenes[Scene.GALAXY_BOTTLE.ordinal()])).as("cfg %s", cfg).isCloseTo(expected, within(0.03));
        }
    }

    /** c = s₀ + Δ·tanh(β·score) for the prompt's summed hidden states, as the class comment of the UNet defines it. */
    private static double promptContrast(String prompt, Scene scene) throws OrtException {
        float[] hidden = demo.hidden(prompt);
        double score = 0;
        for (int i = 0; i < hidden.length; i++) score += hidden[i] * scene.affinity(Concept.values()[i % Concept.DIMENSIONS]);
        return DemoUnet.GHOST + DemoUnet.PROMPT_GAIN * Math.tanh(DemoUnet.STRENGTH_SLOPE * score);
    }

    private static void assertLandsOn(float[] latent, Scene expected) {
        assertThat(SceneMath.nearestScene(latent, scenes, J)).isEqualTo(expected);
        assertThat(SceneMath.distanceToScene(latent, scenes[expected.ordinal()], J)).isLessThan(0.1);
        for (Scene other : Scene.values()) {
            if (other != expected) {
                assertThat(SceneMath.distanceToScene(latent, scenes[other.ordinal()], J)).as(other.name()).isGreaterThan(0.3);
            }
        }
    }

    /** c in latent ≈ μ̄ + c·(framed scene − μ̄), for the framing the latent lines up with best. */
    private static double contrast(float[] latent, float[] scene) {
        double bestCosine = -2, bestContrast = 0;
        for (int dy = -J; dy <= J; dy++) {
            for (int dx = -J; dx <= J; dx++) {
                float[] framed = SceneMath.shift(scene, dy, dx);
                double dot = 0, uu = 0, zz = 0;
                for (int i = 0; i < latent.length; i++) {
                    double u = framed[i] - average[i], z = latent[i] - average[i];
                    dot += u * z;
                    uu += u * u;
                    zz += z * z;
                }
                double cosine = dot / Math.sqrt(uu * zz);
                if (cosine > bestCosine) {
                    bestCosine = cosine;
                    bestContrast = dot / uu;
                }
            }
        }
        return bestContrast;
    }
}
