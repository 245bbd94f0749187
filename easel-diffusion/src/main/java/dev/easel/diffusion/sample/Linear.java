package dev.easel.diffusion.sample;

/** Gaussian elimination with partial pivoting for the small (≤ 3×3) systems of UniPC. */
final class Linear {
    private Linear() {}

    /** Solves the leading n×n block of {@code a} against the first n entries of {@code b}; results rounded to float32. */
    static double[] solve(double[][] a, double[] b, int n) {
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) pivot = row;
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int row = col + 1; row < n; row++) {
                double f = m[row][col] / m[col][col];
                for (int k = col; k <= n; k++) m[row][k] -= f * m[col][k];
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int k = row + 1; k < n; k++) sum -= m[row][k] * x[k];
            x[row] = sum / m[row][row];
        }
        for (int i = 0; i < n; i++) x[i] = (float) x[i];
        return x;
    }
}
