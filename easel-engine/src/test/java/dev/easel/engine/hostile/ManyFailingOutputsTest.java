package dev.easel.engine.hostile;

import dev.easel.engine.kit.PromptBuilder;
import dev.easel.engine.kit.TestNodes;
import dev.easel.engine.validate.ErrorInfo;
import dev.easel.engine.validate.NodeErrors;
import dev.easel.engine.validate.PromptValidator;
import dev.easel.engine.validate.ValidationResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation stays linear in outputs and its report bounded, whatever the number of failures. */
class ManyFailingOutputsTest {

    /** {@code count} outputs, each showing its own Int with an out-of-range value. */
    private static PromptBuilder failing(int count) {
        PromptBuilder p = new PromptBuilder();
        for (int i = 0; i < count; i++) {
            p.node("i" + i, "Int").set("value", 1000);
            p.node("o" + i, "Show").link("value", "i" + i, 0);
        }
        return p;
    }

    @Test
    void dependentOutputsFollowComfyUisOrderForAFewFailures() {
        ValidationResult result = new PromptValidator(TestNodes.registry()).validate(failing(3).build(), Optional.empty(), TestNodes.FILES);
        assertThat(result.nodeErrors().keySet()).containsExactly("i0", "i1", "i2");
        // ComfyUI appends each failing output to every failing node found so far
        assertThat(result.nodeErrors().get("i0").dependentOutputs()).containsExactly("o0", "o1", "o2");
        assertThat(result.nodeErrors().get("i1").dependentOutputs()).containsExactly("o1", "o2");
        assertThat(result.nodeErrors().get("i2").dependentOutputs()).containsExactly("o2");
    }

    @Test
    void tenThousandFailingOutputsAreReportedWithinTheLimit() {
        PromptBuilder p = new PromptBuilder();
        for (int i = 0; i < 10_000; i++) p.node("o" + i, "Show");
        ValidationResult result = new PromptValidator(TestNodes.registry(), 5).validate(p.build(), Optional.empty(), TestNodes.FILES);
        ValidationResult.Invalid invalid = (ValidationResult.Invalid) result;
        assertThat(invalid.nodeErrors().keySet()).containsExactly("o0", "o1", "o2", "o3", "o4");
        assertThat(invalid.nodeErrors().values()).extracting(NodeErrors::dependentOutputs)
                .allSatisfy(outputs -> assertThat(outputs).hasSize(5));
        assertThat(invalid.nodeErrors().get("o1").dependentOutputs()).containsExactly("o1", "o2", "o3", "o4", "o5");
        assertThat(List.of(invalid.error().details().split("\n"))).hasSize(6).last().isEqualTo("... and 9995 more");
    }

    @Test
    void aHugeUnknownClassTypeIsEchoedWholeOnlyOnce() {
        String huge = "X".repeat(100_000);
        PromptBuilder p = new PromptBuilder();
        p.node("1", huge);
        ErrorInfo error = ((ValidationResult.Invalid) new PromptValidator(TestNodes.registry())
                .validate(p.build(), Optional.empty(), TestNodes.FILES)).error();
        assertThat(error.extraInfo()).containsEntry("class_type", huge);
        String shown = "X".repeat(200) + "... (100000 characters)";
        assertThat(error.message()).isEqualTo("Node '" + shown + "' not found. The custom node may not be installed.");
        assertThat(error.extraInfo()).containsEntry("node_title", shown);
    }

    @Test
    void theLimitMustAllowAtLeastOneEntry() {
        assertThat(IntStream.of(0, -1).mapToObj(n -> {
            try {
                new PromptValidator(TestNodes.registry(), n);
                return "accepted";
            } catch (IllegalArgumentException refused) {
                return "refused";
            }
        }).toList()).isEqualTo(List.of("refused", "refused"));
    }
}
