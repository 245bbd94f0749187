package dev.easel.bench.checkpoint;

import dev.easel.bench.Options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code checkpoint} benchmark: for each thread count, a fresh JVM runs {@link CheckpointRun}
 * on the same file (so each load starts cold in the JVM and each peak RSS is that run's alone),
 * one after the other; their reports are printed in order.
 */
public final class CheckpointBench {
    /** The options handed to each run as they were given. */
    private static final List<String> PASSED = List.of("file", "size", "warmup", "reps", "tokenizer", "optimization");

    private CheckpointBench() {
    }

    public static String run(Options options) throws IOException, InterruptedException {
        options.find("file").orElseThrow(() -> new IllegalArgumentException("--file FILE.safetensors is required"));
        int timeout = options.integer("timeout-s", 1800);
        StringBuilder out = new StringBuilder();
        for (String threads : options.text("threads", "1,2").split(",")) {
            // ONNX Runtime builds the session on the calling thread, and the launcher's default main-thread
            // stack is not always enough for the optimiser's recursion over a full UNet's graph
            List<String> command = new ArrayList<>(List.of(java(), "-Xss16m", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), CheckpointRun.class.getName(), "--threads", threads.strip()));
            for (String key : PASSED) options.find(key).ifPresent(v -> command.addAll(List.of("--" + key, v)));
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            child.getOutputStream().close();
            byte[] report = child.getInputStream().readAllBytes();
            if (!child.waitFor(timeout, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new IllegalStateException("the run at " + threads + " threads took over " + timeout + " s");
            }
            if (child.exitValue() != 0) {
                throw new IllegalStateException("the run at " + threads + " threads failed (exit " + child.exitValue()
                        + "; its errors are above): " + CheckpointRun.class.getSimpleName() + " " + command.subList(6, command.size()));
            }
            out.append(new String(report, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
