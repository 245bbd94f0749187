package dev.easel.testingnodes.python;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PythonTruthTest {

    @Test
    void falsyValues() {
        assertThat(PythonTruth.of(null)).isFalse();
        assertThat(PythonTruth.of(false)).isFalse();
        assertThat(PythonTruth.of(0L)).isFalse();
        assertThat(PythonTruth.of(BigInteger.ZERO)).isFalse();
        assertThat(PythonTruth.of(0.0)).isFalse();
        assertThat(PythonTruth.of(-0.0)).isFalse();
        assertThat(PythonTruth.of("")).isFalse();
        assertThat(PythonTruth.of(List.of())).isFalse();
        assertThat(PythonTruth.of(Map.of())).isFalse();
    }

    @Test
    void truthyValues() {
        assertThat(PythonTruth.of(true)).isTrue();
        assertThat(PythonTruth.of(-1L)).isTrue();
        assertThat(PythonTruth.of(BigInteger.TWO.pow(70))).isTrue();
        assertThat(PythonTruth.of(Double.NaN)).isTrue();
        assertThat(PythonTruth.of("false")).isTrue();
        assertThat(PythonTruth.of(List.of(0L))).isTrue();
        assertThat(PythonTruth.of(new Object())).isTrue();
    }
}
