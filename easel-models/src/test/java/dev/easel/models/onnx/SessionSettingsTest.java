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

    @Test
    void singleFilesSkipTheLayoutOptimisationsThatFolderModelsKeep() {
        SessionSettings single = dev.easel.models.single.SingleFileLoader.defaultSettings();
        assertThat(SessionSettings.defaults().optimization()).isEqualTo(SessionOptions.OptLevel.ALL_OPT);
        assertThat(single.optimization()).isEqualTo(SessionOptions.OptLevel.EXTENDED_OPT);
        assertThat(single.withIntraOpThreads(3).withOptimization(SessionOptions.OptLevel.BASIC_OPT))
                .isEqualTo(new SessionSettings(3, SessionOptions.OptLevel.BASIC_OPT, false, java.util.Optional.empty()));
    }
}
