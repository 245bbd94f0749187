package dev.easel.diffusion.sample;

/**
 * The b coefficients of SA-Solver (arXiv 2309.05019, eqs. 15 and 18) in data prediction: the
 * integrals of e^{(1+τ²)λ}·ℓ_k(λ) over a step, ℓ_k the Lagrange basis on the given λ points,
 * from the closed-form integrals of e^{(1+τ²)λ}·λ^p, scaled by α_t (1 for σ-space models).
 */
final class StochasticAdams {
    private StochasticAdams() {}

    static double[] coefficients(double sigmaNext, double[] lambdas, double lambdaS, double lambdaT, double tau) {
        int n = lambdas.length;
        double[] integrals = exponentialIntegrals(lambdaS, lambdaT, n, tau);
        double[][] vandermondeT = new double[n][n];
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < n; k++) vandermondeT[p][k] = Math.pow(lambdas[k], p);
        }
        double[] lagrange = Linear.solve(vandermondeT, integrals, n);
        double alphaT = sigmaNext * Math.exp(lambdaT);
        for (int k = 0; k < n; k++) lagrange[k] *= alphaT;
        return lagrange;
    }

    /**
     * (1+τ²)·∫_s^t e^{(1+τ²)x}·x^p dx with e^{(1+τ²)t} factored out, for p below {@code order},
     * by the integration-by-parts recursion.
     */
    private static double[] exponentialIntegrals(double s, double t, int order, double tau) {
        double mul = 1 + tau * tau, h = t - s;
        double[] terms = new double[order];
        for (int p = 0; p < order; p++) terms[p] = Math.pow(t, p) - Math.pow(s, p) * Math.exp(-mul * h);
        double[] out = new double[order];
        for (int i = 0; i < order; i++) {
            for (int j = 0; j <= i; j++) {
                double logCoefficient = logFactorial(i) - logFactorial(j);
                if (tau > 0) logCoefficient -= (i - j) * Math.log(mul);
                double sign = (i - j) % 2 == 0 ? 1 : -1;
                out[i] += sign * Math.exp(logCoefficient) * terms[j];
            }
        }
        return out;
    }

    private static double logFactorial(int n) {
        double sum = 0;
        for (int k = 2; k <= n; k++) sum += Math.log(k);
        return sum;
    }
}
