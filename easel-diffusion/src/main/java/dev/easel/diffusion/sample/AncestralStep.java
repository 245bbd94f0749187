package dev.easel.diffusion.sample;

/**
 * k-diffusion's {@code get_ancestral_step}: the σ to step down to deterministically and the
 * noise to add back so that the step ends at σ_to. With eta 0 the step is deterministic.
 */
record AncestralStep(double down, double up) {

    static AncestralStep of(double from, double to, double eta) {
        if (eta == 0) return new AncestralStep(to, 0);
        double up = Math.min(to, eta * Math.sqrt(to * to * (from * from - to * to) / (from * from)));
        double down = Math.sqrt(to * to - up * up);
        return new AncestralStep(down, up);
    }
}
