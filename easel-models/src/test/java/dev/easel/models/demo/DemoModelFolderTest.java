package dev.easel.models.demo;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoModelFolderTest {
    @TempDir
    static Path root;
    static Path dir;
    static DemoSessions demo;

    @BeforeAll
    static void write() throws Exception {
        dir = root.resolve("easel-demo");
        DemoModel.writeTo(dir);
        demo = new DemoSessions(dir);
    }

    @AfterAll
    static void close() throws OrtException {
        demo.close();
    }

    @Test
    void modelIndexNamesTheDemo() throws IOException {
        JsonNode index = new ObjectMapper().readTree(dir.resolve("model_index.json").toFile());
        assertThat(index.get("name").asText()).isEqualTo("easel-demo-v1").isEqualTo(DemoModel.NAME);
        assertThat(index.get("family").asText()).isEqualTo("easel-demo");
    }

    @Test
    void schedulerConfigSaysEpsilonPrediction() throws IOException {
        JsonNode config = new ObjectMapper().readTree(dir.resolve("scheduler/scheduler_config.json").toFile());
        assertThat(config.get("prediction_type").asText()).isEqualTo("epsilon");
    }

    @Test
    void tokenizerEndsWithClipLsStartThenEndToken() throws IOException {
        Map<String, Integer> vocab = new ObjectMapper().readValue(dir.resolve("tokenizer/vocab.json").toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() { });
        int others = vocab.entrySet().stream().filter(e -> !e.getKey().startsWith("<|")).mapToInt(Map.Entry::getValue).max().orElseThrow();
        assertThat(vocab.get("<|startoftext|>")).isEqualTo(49406);
        assertThat(vocab.get("<|endoftext|>")).isEqualTo(49407);
        assertThat(others).isLessThan(49406);
        assertThat(Files.readString(dir.resolve("tokenizer/merges.txt"))).startsWith("#version: 0.2\n");
    }

    @Test
    void textEncoderHasTheContractsNamesAndShapes() throws OrtException {
        assertIo(demo.textEncoder.getInputInfo(), "input_ids", OnnxJavaType.INT32, -1, -1);
        assertIo(demo.textEncoder.getOutputInfo(), "last_hidden_state", OnnxJavaType.FLOAT, -1, -1, Concept.DIMENSIONS);
        assertIo(demo.textEncoder.getOutputInfo(), "pooler_output", OnnxJavaType.FLOAT, -1, Concept.DIMENSIONS);
    }

    @Test
    void unetHasTheContractsNamesAndShapes() throws OrtException {
        Map<String, NodeInfo> inputs = demo.unet.getInputInfo();
        assertThat(inputs.keySet()).containsExactlyInAnyOrder("sample", "timestep", "encoder_hidden_states");
        assertIo(inputs, "sample", OnnxJavaType.FLOAT, -1, 4, -1, -1);
        assertIo(inputs, "timestep", OnnxJavaType.FLOAT, -1);
        assertIo(inputs, "encoder_hidden_states", OnnxJavaType.FLOAT, -1, -1, Concept.DIMENSIONS);
        assertIo(demo.unet.getOutputInfo(), "out_sample", OnnxJavaType.FLOAT, -1, 4, -1, -1);
    }

    @Test
    void vaeHasTheContractsNamesAndShapes() throws OrtException {
        assertIo(demo.vaeDecoder.getInputInfo(), "latent_sample", OnnxJavaType.FLOAT, -1, 4, -1, -1);
        assertIo(demo.vaeDecoder.getOutputInfo(), "sample", OnnxJavaType.FLOAT, -1, 3, -1, -1);
        assertIo(demo.vaeEncoder.getInputInfo(), "sample", OnnxJavaType.FLOAT, -1, 3, -1, -1);
        assertIo(demo.vaeEncoder.getOutputInfo(), "latent_sample", OnnxJavaType.FLOAT, -1, 4, -1, -1);
    }

    @Test
    void decoderTurnsA64LatentInto512Pixels() throws OrtException {
        assertThat(demo.decode(new float[4 * 64 * 64], 64, 64)).hasSize(3 * 512 * 512);
    }

    @Test
    void unetKeepsTheShapeOfAnyLatentSize() throws OrtException {
        float[] sample = new float[2 * 4 * 40 * 24];
        float[] out = demo.unet(sample, new long[]{2, 4, 40, 24}, new float[]{999, 999}, new float[2 * 77 * Concept.DIMENSIONS]);
        assertThat(out).hasSize(sample.length);
    }

    @Test
    void folderStaysUnderFourMegabytes() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(DemoModelFolderTest::size).sum();
            assertThat(bytes).isLessThan(4L << 20);
        }
    }

    @Test
    void writingAgainReplacesTheFolderAndLeavesNothingBeside(@TempDir Path parent) throws IOException {
        Path target = parent.resolve("demo");
        DemoModel.writeTo(target);
        Files.writeString(target.resolve("stale.txt"), "left over");
        DemoModel.writeTo(target);
        assertThat(target.resolve("stale.txt")).doesNotExist();
        assertThat(target.resolve("unet/model.onnx")).isRegularFile();
        try (Stream<Path> siblings = Files.list(parent)) {
            assertThat(siblings).containsExactly(target);
        }
    }

    private static void assertIo(Map<String, NodeInfo> infos, String name, OnnxJavaType type, long... shape) {
        assertThat(infos).containsKey(name);
        TensorInfo info = (TensorInfo) infos.get(name).getInfo();
        assertThat(info.type).as(name).isEqualTo(type);
        assertThat(info.getShape()).as(name).containsExactly(shape);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
