package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

import java.util.List;

/**
 * Improved PNDM: Adams–Bashforth on the σ-ODE with the fixed coefficients of equal steps, up to
 * order 4, from zju-pi's diff-solvers as ComfyUI ships it.
 */
final class Ipndm extends AdamsBashforth {

    @Override
    Tensor slope(int order, double[] sigmas, int i, Tensor d, List<Tensor> history) {
        int n = history.size();
        if (order == 2) return Arith.scale(Arith.combine(3, d, -1, history.get(n - 1)), 1 / 2.0);
        if (order == 3) {
            Tensor sum = Arith.plus(Arith.combine(23, d, -16, history.get(n - 1)), history.get(n - 2), 5);
            return Arith.scale(sum, 1 / 12.0);
        }
        Tensor sum = Arith.plus(Arith.plus(Arith.combine(55, d, -59, history.get(n - 1)), history.get(n - 2), 37),
                history.get(n - 3), -9);
        return Arith.scale(sum, 1 / 24.0);
    }
}
