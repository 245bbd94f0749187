package dev.easel.diffusion.noise;

/**
 * The 32-bit Mersenne Twister (MT19937), the engine behind torch's CPU generator. Seeded the
 * standard way from one 32-bit word, so its outputs are the published ones (5489 gives
 * 3499211612 first, and 4123659995 as its 10000th).
 */
final class Mt19937 {
    private static final int N = 624, M = 397;
    private static final int MATRIX_A = 0x9908b0df, UPPER = 0x80000000, LOWER = 0x7fffffff;

    private final int[] state = new int[N];
    private int next = N;

    Mt19937(int seed) {
        state[0] = seed;
        for (int i = 1; i < N; i++) {
            int prev = state[i - 1];
            state[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
        }
    }

    /** The next 32 random bits (read as unsigned). */
    int nextInt() {
        if (next >= N) twist();
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & UPPER) | (state[(i + 1) % N] & LOWER);
            int mixed = state[(i + M) % N] ^ (y >>> 1);
            state[i] = (y & 1) != 0 ? mixed ^ MATRIX_A : mixed;
        }
        next = 0;
    }
}
