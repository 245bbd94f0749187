package dev.easel.models.demo;

/**
 * The mixture means: every {@link Scene} rendered and encoded with the {@link DemoVae}'s encoder
 * into a sampler-space latent {@code [4, 64, 64]} (SD1.5's 512×512 at 1/8).
 */
final class Templates {
    static final int SIDE = Canvas.SIZE / DemoVae.FACTOR;
    static final int ELEMENTS = DemoVae.CHANNELS * SIDE * SIDE;

    private Templates() {
    }

    /** Row k is scene k's latent, flattened channel-major. */
    static float[][] latents(DemoVae vae) {
        Scene[] scenes = Scene.values();
        float[][] latents = new float[scenes.length][];
        for (Scene scene : scenes) {
            latents[scene.ordinal()] = vae.encodeToSamplerSpace(scene.render(), Canvas.SIZE, Canvas.SIZE);
        }
        return latents;
    }
}
