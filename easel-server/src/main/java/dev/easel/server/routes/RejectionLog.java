package dev.easel.server.routes;

import dev.easel.engine.validate.ErrorInfo;
import dev.easel.engine.validate.NodeErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Says in the server log why a prompt was refused or lost outputs, as ComfyUI logs
 * {@code invalid prompt} and {@code Failed to validate prompt for output}. Bounded: a prompt with
 * thousands of failing nodes gives a few lines and a count, never a log flood.
 */
final class RejectionLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.easel.server.Validation");
    private static final int MAX_NODES = 10;
    private static final int MAX_TEXT = 300;

    private RejectionLog() {
    }

    static void rejected(ErrorInfo error, Map<String, NodeErrors> nodeErrors) {
        LOG.warn("invalid prompt: {}: {}", clip(error.message()), clip(error.details()));
        nodes(nodeErrors);
    }

    static void outputsDropped(Map<String, NodeErrors> nodeErrors) {
        if (nodeErrors.isEmpty()) return;
        LOG.warn("prompt accepted without the outputs that depend on {} failing node(s)", nodeErrors.size());
        nodes(nodeErrors);
    }

    private static void nodes(Map<String, NodeErrors> nodeErrors) {
        int shown = 0;
        for (Map.Entry<String, NodeErrors> entry : nodeErrors.entrySet()) {
            if (shown++ == MAX_NODES) {
                LOG.warn("... and {} more failing node(s)", nodeErrors.size() - MAX_NODES);
                return;
            }
            NodeErrors node = entry.getValue();
            StringBuilder line = new StringBuilder("* ").append(clip(node.classType())).append(' ').append(clip(entry.getKey())).append(':');
            for (ErrorInfo e : node.errors()) {
                line.append("\n  - ").append(clip(e.message())).append(": ").append(clip(e.details()));
            }
            LOG.warn("{}", line);
        }
    }

    private static String clip(String text) {
        if (text == null) return "";
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "… (" + text.length() + " chars)";
    }
}
