package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

import java.util.List;

/**
 * Improved PNDM with variable step sizes (ipndm_v): the Adams–Bashforth coefficients follow the
 * actual σ spacing, up to order 4.
 */
final class IpndmVariable extends AdamsBashforth {

    @Override
    Tensor slope(int order, double[] s, int i, Tensor d, List<Tensor> history) {
        int n = history.size();
        double hn = s[i + 1] - s[i], hn1 = s[i] - s[i - 1];
        if (order == 2) {
            return Arith.combine((2 + hn / hn1) / 2, d, -(hn / hn1) / 2, history.get(n - 1));
        }
        double hn2 = s[i - 1] - s[i - 2];
        double temp1 = (1 - hn / (3 * (hn + hn1)) * (hn * (hn + hn1)) / (hn1 * (hn1 + hn2))) / 2;
        if (order == 3) {
            double c1 = (2 + hn / hn1) / 2 + temp1;
            double c2 = -(hn / hn1) / 2 - (1 + hn1 / hn2) * temp1;
            double c3 = temp1 * hn1 / hn2;
            return Arith.plus(Arith.combine(c1, d, c2, history.get(n - 1)), history.get(n - 2), c3);
        }
        double hn3 = s[i - 2] - s[i - 3];
        double temp2 = ((1 - hn / (3 * (hn + hn1))) / 2 + (1 - hn / (2 * (hn + hn1))) * hn / (6 * (hn + hn1 + hn2)))
                * (hn * (hn + hn1) * (hn + hn1 + hn2)) / (hn1 * (hn1 + hn2) * (hn1 + hn2 + hn3));
        double ratio = hn1 * (hn1 + hn2) / (hn2 * (hn2 + hn3));
        double c1 = (2 + hn / hn1) / 2 + temp1 + temp2;
        double c2 = -(hn / hn1) / 2 - (1 + hn1 / hn2) * temp1 - (1 + hn1 / hn2 + ratio) * temp2;
        double c3 = temp1 * hn1 / hn2 + (hn1 / hn2 + ratio * (1 + hn2 / hn3)) * temp2;
        double c4 = -temp2 * ratio * hn1 / hn2;
        Tensor sum = Arith.plus(Arith.combine(c1, d, c2, history.get(n - 1)), history.get(n - 2), c3);
        return Arith.plus(sum, history.get(n - 3), c4);
    }
}
