package dev.easel.testingnodes.python;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PythonIntsTest {

    @Test
    void u64BoundIsTheHexLiteralComfyDeclares() {
        assertThat(PythonInts.U64_MAX).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(PythonInts.U64_MIN).isEqualTo(new BigInteger("-18446744073709551615"));
    }

    @Test
    void integersWithin64BitsConvert() {
        assertThat(PythonInts.toLong(7L, "a")).isEqualTo(7L);
        assertThat(PythonInts.toLong(BigInteger.valueOf(-3), "a")).isEqualTo(-3L);
        assertThat(PythonInts.toLong(true, "a")).isEqualTo(1L);
    }

    @Test
    void integersBeyond64BitsAreRefusedByName() {
        assertThatThrownBy(() -> PythonInts.toLong(PythonInts.U64_MAX, "b"))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("b = 18446744073709551615");
    }

    @Test
    void nonIntegersAreRefused() {
        assertThatThrownBy(() -> PythonInts.toLong("5", "a")).hasMessageContaining("<class 'str'>");
        assertThatThrownBy(() -> PythonInts.toLong(null, "a")).hasMessageContaining("None");
    }
}
