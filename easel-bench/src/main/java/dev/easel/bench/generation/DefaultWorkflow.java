package dev.easel.bench.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.bench.nodes.StampedModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ComfyUI's default text-to-image workflow as {@code examples/default-text-to-image.json} has it
 * (packed into the jar), with the settings a benchmark changes: seed, steps and image size, and
 * optionally {@code BenchStampedModel} between the checkpoint loader and the sampler.
 */
public final class DefaultWorkflow {
    static final String RESOURCE = "/workflows/default-text-to-image.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The id given to the inserted {@code BenchStampedModel}. */
    static final String STAMP_NODE = "bench-stamps";

    private final ObjectNode prompt;

    private DefaultWorkflow(ObjectNode prompt) {
        this.prompt = prompt;
    }

    public static DefaultWorkflow load() {
        try (InputStream in = DefaultWorkflow.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the benchmark jar");
            return new DefaultWorkflow((ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DefaultWorkflow withSeed(long seed) {
        inputsOf("KSampler").put("seed", seed);
        return this;
    }

    public DefaultWorkflow withSteps(int steps) {
        inputsOf("KSampler").put("steps", steps);
        return this;
    }

    public DefaultWorkflow withSize(int width, int height) {
        inputsOf("EmptyLatentImage").put("width", width).put("height", height);
        return this;
    }

    /** Routes the sampler's model through {@code BenchStampedModel}. */
    public DefaultWorkflow withStampedModel() {
        ObjectNode sampler = inputsOf("KSampler");
        ObjectNode stamped = prompt.putObject(STAMP_NODE);
        stamped.put("class_type", StampedModel.CLASS_TYPE);
        stamped.putObject("inputs").set("model", sampler.get("model"));
        sampler.putArray("model").add(STAMP_NODE).add(0);
        return this;
    }

    public long seed() {
        return inputsOf("KSampler").path("seed").asLong();
    }

    /** The class type of each node id. */
    public Map<String, String> classTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        prompt.fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().path("class_type").asText()));
        return types;
    }

    public String json() {
        return prompt.toString();
    }

    /** The id of the (first) node of this class type. */
    public String nodeIdOf(String classType) {
        for (Iterator<Map.Entry<String, JsonNode>> it = prompt.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> node = it.next();
            if (classType.equals(node.getValue().path("class_type").asText())) return node.getKey();
        }
        throw new IllegalStateException("the default workflow has no " + classType + " node");
    }

    private ObjectNode inputsOf(String classType) {
        return (ObjectNode) prompt.get(nodeIdOf(classType)).get("inputs");
    }
}
