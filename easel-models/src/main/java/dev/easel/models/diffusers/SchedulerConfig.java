package dev.easel.models.diffusers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.easel.diffusion.model.Parameterization;

import java.io.IOException;
import java.nio.file.Path;

/** What Easel reads from {@code scheduler/scheduler_config.json}: the network's prediction type. */
final class SchedulerConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchedulerConfig() {
    }

    /** {@code prediction_type}: {@code epsilon} (also when absent, diffusers' default) or {@code v_prediction}. */
    static Parameterization parameterization(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IOException(file + " does not hold a JSON object");
        String type = root.path("prediction_type").asText("epsilon");
        return switch (type) {
            case "epsilon" -> Parameterization.EPS;
            case "v_prediction" -> Parameterization.V_PREDICTION;
            default -> throw new IOException(file + ": prediction_type \"" + type
                    + "\" is not supported (epsilon or v_prediction)");
        };
    }
}
