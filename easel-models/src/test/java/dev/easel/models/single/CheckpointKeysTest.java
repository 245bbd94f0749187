package dev.easel.models.single;

import dev.easel.diffusion.model.Parameterization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tensors the full-size SD1.5, SD2.x and SDXL graphs read are exactly those ComfyUI's own
 * classes define for a real file ({@code src/test/reference/checkpoint_keys.py}, output in
 * {@code reference/*-keys.txt}), with the same shapes, except the ones ComfyUI never uses either.
 */
class CheckpointKeysTest {

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of("sd15", CheckpointConfig.sd15(), 686, Set.of()),
                Arguments.of("sd2", CheckpointConfig.sd2(Parameterization.V_PREDICTION), 686, Set.of("cond_stage_model.model.logit_scale")),
                Arguments.of("sdxl", CheckpointConfig.sdxl(Parameterization.EPS), 1680, Set.of(
                        "conditioner.embedders.0.transformer.text_model.embeddings.position_ids",
                        "conditioner.embedders.1.model.logit_scale")));
    }

    @ParameterizedTest
    @MethodSource("families")
    void graphsReadComfyUisTensorsWithTheirShapes(String name, CheckpointConfig config, int unetTensors, Set<String> unused) throws Exception {
        Map<String, String> comfy = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/reference/" + name + "-keys.txt"), StandardCharsets.UTF_8))) {
            in.lines().forEach(line -> {
                int space = line.indexOf(' ');
                comfy.put(line.substring(0, space), line.substring(space + 1));
            });
        }
        Map<String, String> easel = new TreeMap<>();
        CheckpointTensors.expected(config).forEach((key, shape) ->
                easel.put(key, String.join(",", Arrays.stream(shape).mapToObj(Long::toString).toList())));

        Set<String> missing = new TreeSet<>(easel.keySet());
        missing.removeAll(comfy.keySet());
        assertThat(missing).as("tensors the graphs read that ComfyUI's " + name + " does not have").isEmpty();
        easel.forEach((key, shape) -> assertThat(shape).as(key).isEqualTo(comfy.get(key)));
        Set<String> unread = new TreeSet<>(comfy.keySet());
        unread.removeAll(easel.keySet());
        assertThat(unread).as("tensors of a real " + name + " file the graphs do not read").isEqualTo(new TreeSet<>(unused));
        assertThat(easel.keySet().stream().filter(k -> k.startsWith("model.diffusion_model.")).count()).isEqualTo(unetTensors);
    }
}
