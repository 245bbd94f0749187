package dev.easel.engine.event;

import java.util.Optional;

/** One node's entry in {@code progress_state}. */
public record NodeProgress(Number value, Number max, State state, String nodeId, String promptId,
                           String displayNodeId, Optional<String> parentNodeId, String realNodeId) {

    public enum State {
        PENDING("pending"), RUNNING("running"), FINISHED("finished"), ERROR("error");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
