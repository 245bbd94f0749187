package dev.easel.models.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionSettingsTest {

    @Test
    void intraOpThreadsDoNotSpinUnlessAskedTo() throws OrtException {
        try (SessionOptions quiet = SessionSettings.defaults().toOptions();
             SessionOptions spinning = SessionSettings.defaults().withSpinning(true).toOptions()) {
            assertThat(quiet.getConfigEntries()).containsEntry("session.intra_op.allow_spinning", "0");
            assertThat(spinning.getConfigEntries()).containsEntry("session.intra_op.allow_spinning", "1");
        }
    }
}
