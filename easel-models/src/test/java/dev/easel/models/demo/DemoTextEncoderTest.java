package dev.easel.models.demo;

import ai.onnxruntime.OrtException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DemoTextEncoderTest {
    static final int D = Concept.DIMENSIONS;
    @TempDir
    static Path dir;
    static DemoSessions demo;

    @BeforeAll
    static void write() throws Exception {
        DemoModel.writeTo(dir.resolve("model"));
        demo = new DemoSessions(dir.resolve("model"));
    }

    @AfterAll
    static void close() throws OrtException {
        demo.close();
    }

    @Test
    void everyKeywordIsOneToken() {
        for (Concept concept : Concept.values()) {
            for (String keyword : concept.keywords()) {
                assertThat(demo.tokenizer.encode(keyword)).as(keyword).hasSize(1);
            }
        }
    }

    @Test
    void keywordRowIsTheUnitVectorOfItsConcept() throws OrtException {
        float[] hidden = demo.hidden("galaxy");
        float[] expected = new float[D];
        expected[Concept.GALAXY.ordinal()] = 1f;
        assertThat(row(hidden, 1)).containsExactly(expected);
    }

    @Test
    void synonymsShareTheirConceptsAxis() throws OrtException {
        assertThat(row(demo.hidden("ocean"), 1)).containsExactly(row(demo.hidden("sea"), 1));
    }

    @Test
    void otherWordsSitNearTheOriginButNotOnIt() throws OrtException {
        float[] watermark = row(demo.hidden("watermark"), 1);
        double norm = Math.sqrt(dot(watermark, watermark));
        assertThat(norm).isGreaterThan(0).isLessThan(0.05);
    }

    @Test
    void startEndAndPaddingRowsAreZero() throws OrtException {
        float[] hidden = demo.hidden("bottle");
        assertThat(row(hidden, 0)).containsOnly(0f);
        for (int position = 2; position < 77; position++) assertThat(row(hidden, position)).containsOnly(0f);
    }

    @Test
    void poolerOutputIsTheSumOverTokens() throws OrtException {
        int[] ids = demo.ids("purple galaxy bottle, watermark");
        try (var input = ai.onnxruntime.OnnxTensor.createTensor(demo.env, java.nio.IntBuffer.wrap(ids), new long[]{1, 77});
             var result = demo.textEncoder.run(java.util.Map.of("input_ids", input))) {
            float[][][] hidden = (float[][][]) result.get("last_hidden_state").orElseThrow().getValue();
            float[][] pooled = (float[][]) result.get("pooler_output").orElseThrow().getValue();
            for (int axis = 0; axis < D; axis++) {
                double sum = 0;
                for (int position = 0; position < 77; position++) sum += hidden[0][position][axis];
                assertThat(pooled[0][axis]).isCloseTo((float) sum, within(1e-6f));
            }
            assertThat(pooled[0][Concept.BOTTLE.ordinal()]).isCloseTo(1f, within(0.1f));
        }
    }

    private static float[] row(float[] hidden, int position) {
        return Arrays.copyOfRange(hidden, position * D, (position + 1) * D);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }
}
