package dev.easel.testingnodes.python;

import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PythonTextTest {

    @Test
    void floatsPrintLikePythonStr() {
        assertThat(PythonText.str(15.0)).isEqualTo("15.0");
        assertThat(PythonText.str(0.1)).isEqualTo("0.1");
        assertThat(PythonText.str(-2.5)).isEqualTo("-2.5");
        assertThat(PythonText.str(123456789.0)).isEqualTo("123456789.0");
        assertThat(PythonText.str(1234.5678)).isEqualTo("1234.5678");
        assertThat(PythonText.str(0.0001)).isEqualTo("0.0001");
        assertThat(PythonText.str(0.0)).isEqualTo("0.0");
        assertThat(PythonText.str(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void floatsSwitchToExponentFormWherePythonDoes() {
        assertThat(PythonText.str(1e-5)).isEqualTo("1e-05");
        assertThat(PythonText.str(2.5e-7)).isEqualTo("2.5e-07");
        assertThat(PythonText.str(1e16)).isEqualTo("1e+16");
        assertThat(PythonText.str(1.5e16)).isEqualTo("1.5e+16");
        assertThat(PythonText.str(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PythonText.str(1e100)).isEqualTo("1e+100");
    }

    @Test
    void specialFloats() {
        assertThat(PythonText.str(Double.NaN)).isEqualTo("nan");
        assertThat(PythonText.str(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PythonText.str(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void otherValues() {
        assertThat(PythonText.str(5L)).isEqualTo("5");
        assertThat(PythonText.str(null)).isEqualTo("None");
        assertThat(PythonText.str(true)).isEqualTo("True");
        assertThat(PythonText.str("text")).isEqualTo("text");
        assertThat(PythonText.repr("it's")).isEqualTo("'it\\'s'");
        assertThat(PythonText.str(Arrays.asList(1L, "a", null, 2.0))).isEqualTo("[1, 'a', None, 2.0]");
        assertThat(PythonText.str(Map.of("k", false))).isEqualTo("{'k': False}");
    }

    @Test
    void typeNamesAreThoseOfTheEquivalentPythonValue() {
        assertThat(PythonText.typeOf(5L)).isEqualTo("<class 'int'>");
        assertThat(PythonText.typeOf(BigInteger.TEN.pow(30))).isEqualTo("<class 'int'>");
        assertThat(PythonText.typeOf(5.0)).isEqualTo("<class 'float'>");
        assertThat(PythonText.typeOf(true)).isEqualTo("<class 'bool'>");
        assertThat(PythonText.typeOf("s")).isEqualTo("<class 'str'>");
        assertThat(PythonText.typeOf(List.of())).isEqualTo("<class 'list'>");
        assertThat(PythonText.typeOf(null)).isEqualTo("<class 'NoneType'>");
        assertThat(PythonText.typeOf(Tensor.zeros(1))).isEqualTo("<class 'torch.Tensor'>");
    }
}
