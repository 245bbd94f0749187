package dev.easel.models.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ONNX Runtime environment of the process. ORT allows a single environment per process,
 * so every session of Easel is created from this one; the execution providers are logged once,
 * when it is first used.
 */
public final class OnnxRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxRuntime.class);

    private OnnxRuntime() {
    }

    private static final class Holder {
        static final OrtEnvironment ENVIRONMENT = create();

        private static OrtEnvironment create() {
            OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "easel");
            LOG.info("ONNX Runtime {} started; execution providers available: {}",
                    env.getVersion(), OrtEnvironment.getAvailableProviders());
            return env;
        }
    }

    public static OrtEnvironment environment() {
        return Holder.ENVIRONMENT;
    }

    /** Wraps an ORT failure with what Easel was doing when it happened. */
    static IllegalStateException failure(String doing, OrtException e) {
        return new IllegalStateException(doing + ": " + e.getMessage(), e);
    }
}
