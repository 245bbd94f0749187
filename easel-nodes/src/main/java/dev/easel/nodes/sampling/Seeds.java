package dev.easel.nodes.sampling;

import dev.easel.engine.node.Inputs;

import java.math.BigInteger;

/** ComfyUI's seed inputs: any integer in 0..2⁶⁴−1. */
public final class Seeds {
    /** {@code 0xffffffffffffffff}, the largest seed a prompt may give; above {@code Long.MAX_VALUE}. */
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Seeds() {
    }

    /**
     * The seed's 64 bits (seeds above {@code Long.MAX_VALUE} arrive as BigInteger and read as
     * negative longs); torch's generator keeps the same bits, of which it uses the low 32.
     */
    public static long read(Inputs inputs, String name) {
        return inputs.get(name, Number.class).longValue();
    }
}
