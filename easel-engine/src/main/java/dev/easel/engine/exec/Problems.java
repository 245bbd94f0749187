package dev.easel.engine.exec;

import dev.easel.engine.node.ExecutionInterruptedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns exceptions from nodes into the failure details ComfyUI reports. */
final class Problems {
    private Problems() {}

    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof ExecutionException || current instanceof CompletionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static boolean isInterrupt(Throwable error) {
        Throwable e = unwrap(error);
        return e instanceof ExecutionInterruptedException || e instanceof CancellationException
                || e instanceof InterruptedException;
    }

    static Step.Failure failure(String nodeId, Throwable error, Map<String, List<Object>> inputs) {
        Throwable e = unwrap(error);
        if (isInterrupt(e)) return new Step.Failure(nodeId, Optional.empty());
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Step.Failure(nodeId, Optional.of(new Step.Problem(message + "\n", typeName(e), traceback(e),
                Optional.of(format(inputs)))));
    }

    static Step.Failure cycle(String nodeId) {
        return new Step.Failure(nodeId, Optional.of(new Step.Problem("Dependency cycle detected",
                "graph.DependencyCycleError", List.of(), Optional.empty())));
    }

    /** Python-flavoured names for the common cases, the Java class name otherwise. */
    static String typeName(Throwable e) {
        if (e.getClass() == RuntimeException.class) return "RuntimeError";
        if (e.getClass() == IllegalArgumentException.class) return "ValueError";
        if (e.getClass() == ArithmeticException.class) return "ArithmeticError";
        return e.getClass().getName();
    }

    static List<String> traceback(Throwable e) {
        List<String> lines = new ArrayList<>();
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = Math.min(frames.length, 12) - 1; i >= 0; i--) {
            StackTraceElement f = frames[i];
            lines.add("  File \"" + f.getFileName() + "\", line " + f.getLineNumber() + ", in " + f.getClassName() + "." + f.getMethodName() + "\n");
        }
        return lines;
    }

    /** {@code current_inputs}: null, numbers, booleans and strings as they are, anything else as text. */
    static Map<String, List<Object>> format(Map<String, List<Object>> inputs) {
        Map<String, List<Object>> formatted = new LinkedHashMap<>();
        if (inputs == null) return formatted;
        inputs.forEach((name, values) -> {
            List<Object> out = new ArrayList<>(values.size());
            for (Object v : values) {
                out.add(v == null || v instanceof Number || v instanceof Boolean || v instanceof String ? v : String.valueOf(v));
            }
            formatted.put(name, out);
        });
        return formatted;
    }
}
