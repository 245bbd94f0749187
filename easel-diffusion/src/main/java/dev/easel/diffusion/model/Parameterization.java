package dev.easel.diffusion.model;

/** What a discrete-time network predicts. */
public enum Parameterization {
    /** The noise ε (SD1.x, SD2 base, SDXL). */
    EPS,
    /** The velocity v = α·ε − σ·x₀ (SD2-768 and other "v" models). */
    V_PREDICTION
}
