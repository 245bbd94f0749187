package dev.easel.diffusion.sample;

/** The φ functions of exponential integrators, in k-diffusion's h·φ_k(h) form. */
final class Exponential {
    private Exponential() {}

    /** h·φ₁(h) = e^h − 1. */
    static double hPhi1(double h) {
        return Math.expm1(h);
    }

    /** h·φ₂(h) = (e^h − 1 − h)/h. */
    static double hPhi2(double h) {
        return (Math.expm1(h) - h) / h;
    }
}
