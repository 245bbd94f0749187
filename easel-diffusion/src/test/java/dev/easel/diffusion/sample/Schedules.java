package dev.easel.diffusion.sample;

/** Karras and exponential σ schedules computed here from their definitions, optionally ending in 0. */
final class Schedules {
    private Schedules() {}

    static double[] karras(int n, double sigmaMin, double sigmaMax, boolean appendZero) {
        double[] s = new double[n + (appendZero ? 1 : 0)];
        double minInv = Math.pow(sigmaMin, 1 / 7.0), maxInv = Math.pow(sigmaMax, 1 / 7.0);
        for (int i = 0; i < n; i++) {
            double ramp = n == 1 ? 0 : (double) i / (n - 1);
            s[i] = Math.pow(maxInv + ramp * (minInv - maxInv), 7);
        }
        return s;
    }

    static double[] exponential(int n, double sigmaMin, double sigmaMax, boolean appendZero) {
        double[] s = new double[n + (appendZero ? 1 : 0)];
        for (int i = 0; i < n; i++) {
            double ramp = n == 1 ? 0 : (double) i / (n - 1);
            s[i] = Math.exp(Math.log(sigmaMax) + ramp * (Math.log(sigmaMin) - Math.log(sigmaMax)));
        }
        return s;
    }
}
