package dev.easel.diffusion.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A JSON file of numbers computed by ComfyUI itself (see src/test/reference/README.md), read from
 * the test classpath. float32 values are stored with up to 9 significant digits, so casting the
 * parsed double to float gives back the exact float32; NaN and infinities are stored as strings.
 */
final class ReferenceFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

    private ReferenceFile() {}

    static JsonNode load(String name) {
        return CACHE.computeIfAbsent(name, ReferenceFile::read);
    }

    /** The file's cases of which {@code filter} holds, in file order. */
    static List<JsonNode> cases(String name, Predicate<JsonNode> filter) {
        List<JsonNode> out = new ArrayList<>();
        load(name).get("cases").forEach(c -> { if (filter.test(c)) out.add(c); });
        return out;
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = (float) number(array.get(i));
        return out;
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = number(array.get(i));
        return out;
    }

    /** A number, or one of the strings "NaN", "Infinity", "-Infinity" that stand for what JSON cannot hold. */
    static double number(JsonNode node) {
        return node.isTextual() ? Double.parseDouble(node.asText()) : node.asDouble();
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }

    private static JsonNode read(String name) {
        try (InputStream in = ReferenceFile.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) throw new IllegalStateException("reference file missing from the test classpath: " + name);
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
