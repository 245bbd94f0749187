package dev.easel.bench.engine;

import dev.easel.engine.files.FileSpace;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.exec.ExecutionRequest;
import dev.easel.engine.graph.Prompt;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A straight chain of {@code length} trivial nodes: {@code BenchChainStart} → (length − 2) ×
 * {@code BenchChainLink} → {@code BenchChainEnd}, with ids "1".."length". The end node shows
 * {@code length − 2}, the number of links that ran.
 */
public final class ChainPrompt {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainPrompt() {
    }

    public static ObjectNode json(int length) {
        if (length < 2) throw new IllegalArgumentException("a chain has at least a start and an end");
        ObjectNode root = JSON.createObjectNode();
        root.putObject("1").put("class_type", "BenchChainStart").putObject("inputs");
        for (int i = 2; i <= length; i++) {
            ObjectNode node = root.putObject(Integer.toString(i));
            node.put("class_type", i == length ? "BenchChainEnd" : "BenchChainLink");
            node.putObject("inputs").putArray("value").add(Integer.toString(i - 1)).add(0);
        }
        return root;
    }

    /** The chain's nodes touch no file, so its folders are never made. */
    private static final FileSpace NO_FILES = FileSpace.under(Path.of("bench-chain-files"));

    public static ExecutionRequest request(String promptId, int length) {
        return new ExecutionRequest(promptId, Prompt.parse(json(length)), List.of(Integer.toString(length)), Map.of(),
                NO_FILES);
    }
}
