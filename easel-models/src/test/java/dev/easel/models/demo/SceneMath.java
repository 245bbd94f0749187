package dev.easel.models.demo;

/**
 * The mixture's geometry written out plainly for the tests: the average picture, scenes moved by
 * whole latent pixels with their edges repeated, and distances between sampler-space latents.
 */
final class SceneMath {
    static final int SIDE = 64;
    static final int PLANE = SIDE * SIDE;

    private SceneMath() {
    }

    static float[] average(float[][] scenes) {
        float[] average = new float[scenes[0].length];
        for (float[] scene : scenes) {
            for (int i = 0; i < average.length; i++) average[i] += scene[i] / scenes.length;
        }
        return average;
    }

    /** {@code out(c, y, x) = scene(c, clamp(y + dy), clamp(x + dx))}. */
    static float[] shift(float[] scene, int dy, int dx) {
        float[] out = new float[scene.length];
        for (int c = 0; c < 4; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int sy = Math.max(0, Math.min(SIDE - 1, y + dy)), sx = Math.max(0, Math.min(SIDE - 1, x + dx));
                    out[c * PLANE + y * SIDE + x] = scene[c * PLANE + sy * SIDE + sx];
                }
            }
        }
        return out;
    }

    static double rms(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += (double) (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(sum / a.length);
    }

    /** The smallest RMS distance from {@code latent} to {@code scene} in any framing within ±jitter. */
    static double distanceToScene(float[] latent, float[] scene, int jitter) {
        double best = Double.MAX_VALUE;
        for (int dy = -jitter; dy <= jitter; dy++) {
            for (int dx = -jitter; dx <= jitter; dx++) best = Math.min(best, rms(latent, shift(scene, dy, dx)));
        }
        return best;
    }

    static Scene nearestScene(float[] latent, float[][] scenes, int jitter) {
        Scene best = null;
        double distance = Double.MAX_VALUE;
        for (Scene scene : Scene.values()) {
            double d = distanceToScene(latent, scenes[scene.ordinal()], jitter);
            if (d < distance) {
                distance = d;
                best = scene;
            }
        }
        return best;
    }
}
