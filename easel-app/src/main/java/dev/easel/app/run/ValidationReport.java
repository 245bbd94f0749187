package dev.easel.app.run;

import dev.easel.engine.validate.ErrorInfo;
import dev.easel.engine.validate.NodeErrors;

import java.io.PrintWriter;
import java.util.Map;

/** Prints validation errors the way a person reads them: the prompt's error, then each node's. */
final class ValidationReport {
    private ValidationReport() {
    }

    static void printRejected(PrintWriter err, ErrorInfo error, Map<String, NodeErrors> nodeErrors) {
        // with node errors, the prompt error's details only repeat them
        err.println("Prompt rejected: " + (nodeErrors.isEmpty() ? describe(error) : error.message()));
        printNodes(err, nodeErrors);
    }

    static void printSkipped(PrintWriter err, Map<String, NodeErrors> nodeErrors) {
        err.println("Some outputs failed validation and will not run:");
        printNodes(err, nodeErrors);
    }

    private static void printNodes(PrintWriter err, Map<String, NodeErrors> nodeErrors) {
        nodeErrors.forEach((nodeId, errors) -> {
            err.println("* node #" + nodeId + " (" + errors.classType() + "):");
            for (ErrorInfo e : errors.errors()) {
                err.println("  - " + describe(e));
            }
            if (!errors.dependentOutputs().isEmpty()) {
                err.println("  outputs affected: " + String.join(", ", errors.dependentOutputs()));
            }
        });
    }

    /** "message: details", or "message details" when the message is already a sentence. */
    static String describe(ErrorInfo e) {
        if (e.details() == null || e.details().isEmpty()) return e.message();
        return e.message() + (e.message().matches(".*[.!?]$") ? " " : ": ") + e.details();
    }
}
