package dev.easel.nodes.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PythonJsonTest {

    @Test
    void usesPythonSeparatorsAndKeepsKeyOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1L);
        m.put("a", Arrays.asList(true, null, "x"));
        m.put("e", Map.of());
        assertThat(PythonJson.dumps(m)).isEqualTo("{\"b\": 1, \"a\": [true, null, \"x\"], \"e\": {}}");
    }

    @Test
    void escapesNonAsciiAndControlCharacters() {
        assertThat(PythonJson.dumps("café ☕\n\"q\"\u0001\u007f")).isEqualTo("\"caf\\u00e9 \\u2615\\n\\\"q\\\"\\u0001\\u007f\"");
        assertThat(PythonJson.dumps("\uD83D\uDE00")).isEqualTo("\"\\ud83d\\ude00\"");
    }

    @Test
    void floatsUsePythonRepr() {
        assertThat(PythonJson.floatRepr(1.0)).isEqualTo("1.0");
        assertThat(PythonJson.floatRepr(0.1)).isEqualTo("0.1");
        assertThat(PythonJson.floatRepr(1e16)).isEqualTo("1e+16");
        assertThat(PythonJson.floatRepr(123456789.0)).isEqualTo("123456789.0");
        assertThat(PythonJson.floatRepr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonJson.floatRepr(0.00001)).isEqualTo("1e-05");
        assertThat(PythonJson.floatRepr(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(PythonJson.floatRepr(1.5e300)).isEqualTo("1.5e+300");
        assertThat(PythonJson.floatRepr(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void writesJacksonTreesKeepingIntegersAndFloatsApart() throws Exception {
        var tree = new ObjectMapper().readTree("{\"3\": {\"inputs\": {\"seed\": 12345678901234, \"cfg\": 8.0, \"text\": \"ü\"}}}");
        assertThat(PythonJson.dumps(tree))
                .isEqualTo("{\"3\": {\"inputs\": {\"seed\": 12345678901234, \"cfg\": 8.0, \"text\": \"\\u00fc\"}}}");
    }
}
