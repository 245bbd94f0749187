package dev.easel.diffusion.noise;

/**
 * torch's vectorised Box–Muller transform for float tensors of 16 or more elements
 * ({@code normal_fill_16_AVX2}): in each block of 16 uniforms, lanes j and j+8 become
 * {@code r·cos θ} and {@code r·sin θ} with {@code r = √(−2 ln(1 − a[j]))} and
 * {@code θ = 2π·a[j+8]}. The logarithm, sine and cosine are the Cephes polynomials of
 * {@code avx_mathfun.h}, evaluated here step by step in float32 with the multiply–adds fused
 * as GCC fuses them in torch's x86-64 builds (unfused, about one sample in a hundred differs in
 * its last bit).
 */
final class BoxMuller {
    private static final float TWO_PI = (float) (2.0 * Math.PI);
    private static final float SQRTHF = (float) 0.707106781186547524;
    private static final float LOG_P0 = (float) 7.0376836292E-2, LOG_P1 = (float) -1.1514610310E-1,
            LOG_P2 = (float) 1.1676998740E-1, LOG_P3 = (float) -1.2420140846E-1,
            LOG_P4 = (float) 1.4249322787E-1, LOG_P5 = (float) -1.6668057665E-1,
            LOG_P6 = (float) 2.0000714765E-1, LOG_P7 = (float) -2.4999993993E-1,
            LOG_P8 = (float) 3.3333331174E-1, LOG_Q1 = (float) -2.12194440e-4, LOG_Q2 = 0.693359375f;
    private static final float FOPI = (float) 1.27323954473516;
    private static final float MINUS_DP1 = -0.78515625f, MINUS_DP2 = (float) -2.4187564849853515625e-4,
            MINUS_DP3 = (float) -3.77489497744594108e-8;
    private static final float SIN_P0 = (float) -1.9515295891E-4, SIN_P1 = (float) 8.3321608736E-3,
            SIN_P2 = (float) -1.6666654611E-1;
    private static final float COS_P0 = (float) 2.443315711809948E-005, COS_P1 = (float) -1.388731625493765E-003,
            COS_P2 = (float) 4.166664568298827E-002;

    private BoxMuller() {}

    /** Transforms {@code a[off .. off+16)} in place. */
    static void transform16(float[] a, int off) {
        for (int j = 0; j < 8; j++) {
            float radius = (float) Math.sqrt(-2f * log(1f - a[off + j]));
            float theta = TWO_PI * a[off + j + 8];
            // + 0f mirrors the fused multiply by std 1 and add of mean 0, which turns −0 into +0.
            a[off + j] = radius * cos(theta) + 0f;
            a[off + j + 8] = radius * sin(theta) + 0f;
        }
    }

    /** {@code log256_ps} for one positive lane. */
    static float log(float v) {
        float x = Math.max(v, Float.MIN_NORMAL);
        int bits = Float.floatToRawIntBits(x);
        float e = (float) ((bits >>> 23) - 127) + 1f;
        x = Float.intBitsToFloat((bits & ~0x7f800000) | 0x3f000000);
        boolean below = x < SQRTHF;
        float tmp = below ? x : 0f;
        x = x - 1f;
        e = e - (below ? 1f : 0f);
        x = x + tmp;
        float z = x * x;
        float y = LOG_P0;
        y = madd(y, x, LOG_P1);
        y = madd(y, x, LOG_P2);
        y = madd(y, x, LOG_P3);
        y = madd(y, x, LOG_P4);
        y = madd(y, x, LOG_P5);
        y = madd(y, x, LOG_P6);
        y = madd(y, x, LOG_P7);
        y = madd(y, x, LOG_P8);
        y = y * x;
        y = madd(y, z, e * LOG_Q1);
        y = y - z * 0.5f;
        x = x + y;
        return x + e * LOG_Q2;
    }

    static float sin(float theta) {
        return sinCos(theta, true);
    }

    static float cos(float theta) {
        return sinCos(theta, false);
    }

    /** {@code sincos256_ps} for one lane; {@code wantSin} picks which of the two results. */
    private static float sinCos(float theta, boolean wantSin) {
        float x = Math.abs(theta);
        int signSin = Float.floatToRawIntBits(theta) & 0x80000000;
        int octant = ((int) (x * FOPI) + 1) & ~1;
        float y = octant;
        int swapSin = (octant & 4) << 29;
        boolean sinFromSinPoly = (octant & 2) == 0;
        x = madd(y, MINUS_DP1, x);
        x = madd(y, MINUS_DP2, x);
        x = madd(y, MINUS_DP3, x);
        int signCos = (~(octant - 2) & 4) << 29;
        signSin ^= swapSin;

        float z = x * x;
        float c = COS_P0;
        c = madd(c, z, COS_P1);
        c = madd(c, z, COS_P2);
        c = c * z;
        c = msub(c, z, z * 0.5f);
        c = c + 1f;

        float s = SIN_P0;
        s = madd(s, z, SIN_P1);
        s = madd(s, z, SIN_P2);
        s = s * z;
        s = madd(s, x, x);

        if (wantSin) {
            float v = sinFromSinPoly ? s + 0f : c + 0f;
            return Float.intBitsToFloat(Float.floatToRawIntBits(v) ^ signSin);
        }
        float v = sinFromSinPoly ? c + 0f : s + 0f;
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) ^ signCos);
    }

    private static float madd(float a, float b, float c) {
        return Math.fma(a, b, c);
    }

    private static float msub(float a, float b, float c) {
        return Math.fma(a, b, -c);
    }
}
