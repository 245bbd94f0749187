package dev.easel.diffusion.noise;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Expected bit patterns were printed by torch 1.13 (x86-64) for {@code torch.manual_seed(s); torch.randn(n)}. */
class TorchGeneratorTest {

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Float.floatToRawIntBits(values[i]);
        return out;
    }

    @Test
    void fewerThanSixteenValuesMatchTorchsWellKnownSeedZeroDraw() {
        float[] v = new TorchGenerator(0).randn(6);
        float[] known = {1.5410f, -0.2934f, -2.1788f, 0.5684f, -1.0845f, -1.3986f};
        for (int i = 0; i < known.length; i++) assertThat(v[i]).isCloseTo(known[i], within(5e-5f));
        assertThat(bits(v)).containsExactly(0x3fc53f5c, 0xbe963c50, 0xc00b7149, 0x3f1184b6, 0xbf8ad1a1, 0xbfb3052d);
    }

    @Test
    void sixteenValuesTakeTheVectorisedPathBitForBit() {
        float[] v = new TorchGenerator(0).randn(16);
        assertThat(v[0]).isCloseTo(-1.1258f, within(5e-5f));
        assertThat(v[15]).isCloseTo(-0.2473f, within(5e-5f));
        assertThat(bits(v)).containsExactly(
                0xbf901b85, 0xbf93808a, 0xbe804bd6, 0xbede255d, 0x3f594515, 0x3f312783, 0xbea1cc6d, 0xc0075fc1,
                0x3ea50138, 0xbfa1b4f4, 0x3eb330ff, 0x3e9dc3bb, 0x3df56f77, 0x3f9e6b93, 0x3f8ef28e, 0xbe7d367c);
    }

    @Test
    void aCountNotMultipleOfSixteenRedrawsTheLastSixteen() {
        int[] v = bits(new TorchGenerator(0).randn(20));
        assertThat(new int[]{v[0], v[1], v[2], v[3]}).containsExactly(0xbf901b85, 0xbf93808a, 0xbe804bd6, 0xbede255d);
        assertThat(new int[]{v[16], v[17], v[18], v[19]}).containsExactly(0x3f6e8c30, 0x3fa12737, 0x4000519a, 0x3d5c1b3a);
    }

    @Test
    void aLatentSizedDrawMatchesTorch() {
        int[] v = bits(new TorchGenerator(42).randn(16384));
        assertThat(new int[]{v[0], v[1], v[8191], v[16383]}).containsExactly(0x3ff6a529, 0x3fbe5f53, 0x3fed9c4b, 0xbe963953);
    }

    @Test
    void anOddScalarDrawKeepsItsSpareValueForTheNextDraw() {
        TorchGenerator g = new TorchGenerator(0);
        float[] first = g.randn(3), second = g.randn(3);
        assertThat(bits(first)).containsExactly(0x3fc53f5c, 0xbe963c50, 0xc00b7149);
        assertThat(bits(second)).containsExactly(0x3f1184b6, 0xbf8ad1a1, 0xbfb3052d);
    }

    @Test
    void sevenScalarValuesMatchTorch() {
        assertThat(bits(new TorchGenerator(5).randn(7)))
                .containsExactly(0xbef93b54, 0xbf1a940d, 0xbf0edf65, 0x3f2ae2df, 0xbe4a272f, 0x3ff8ad21, 0xbfb36af9);
    }

    @Test
    void onlyTheLowThirtyTwoBitsOfTheSeedCount() {
        assertThat(new TorchGenerator((1L << 40) + 5).randn(20)).containsExactly(new TorchGenerator(5).randn(20));
    }

    @Test
    void uniformsAreTheLowTwentyFourBitsOfEachOutput() {
        TorchGenerator g = new TorchGenerator(5489);
        assertThat(g.nextUniform()).isEqualTo((3499211612L & 0xFFFFFF) * 0x1p-24f);
        assertThat(g.nextUniform()).isEqualTo((581869302L & 0xFFFFFF) * 0x1p-24f);
    }

    @Test
    void uniformsMatchTorchRand() {
        TorchGenerator g = new TorchGenerator(0);
        assertThat(new int[]{Float.floatToRawIntBits(g.nextUniform()), Float.floatToRawIntBits(g.nextUniform()),
                Float.floatToRawIntBits(g.nextUniform())}).containsExactly(0x3efe1558, 0x3f44aa2f, 0x3db533a8);
    }

    @Test
    void aShapedDrawHasTheShapeAndTheFlatValues() {
        var t = new TorchGenerator(0).randn(new int[]{1, 4, 2, 2});
        assertThat(t.shape()).containsExactly(1, 4, 2, 2);
        assertThat(Float.floatToRawIntBits(t.data()[0])).isEqualTo(0xbf901b85);
    }
}
