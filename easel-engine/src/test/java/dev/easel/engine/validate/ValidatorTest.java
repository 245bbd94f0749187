package dev.easel.engine.validate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.graph.Prompt;
import dev.easel.engine.kit.PromptBuilder;
import dev.easel.engine.kit.TestNodes;
import dev.easel.engine.node.InputSpec;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidatorTest {
    private final PromptValidator validator = new PromptValidator(TestNodes.registry());

    private ValidationResult validate(PromptBuilder p) {
        return validator.validate(p.build(), Optional.empty(), TestNodes.FILES);
    }

    private static ErrorInfo onlyNodeError(ValidationResult result, String nodeId) {
        assertThat(result.nodeErrors()).containsKey(nodeId);
        return result.nodeErrors().get(nodeId).errors().get(0);
    }

    private static PromptBuilder show(PromptBuilder p, String from) {
        p.node("out", "Show").link("value", from, 0);
        return p;
    }

    @Test
    void aValidPromptListsItsOutputs() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 3);
        ValidationResult result = validate(show(p, "1"));
        assertThat(result).isEqualTo(new ValidationResult.Valid(List.of("out"), Map.of()));
    }

    @Test
    void aNodeWithoutClassTypeIsMissingNodeType() {
        ObjectNode json = PromptBuilder.JSON.createObjectNode();
        json.putObject("7").putObject("_meta").put("title", "Loader");
        ValidationResult result = validator.validate(Prompt.parse(json), Optional.empty(), TestNodes.FILES);
        ErrorInfo error = ((ValidationResult.Invalid) result).error();
        assertThat(error.type()).isEqualTo("missing_node_type");
        assertThat(error.message()).isEqualTo("Node 'Loader' has no class_type. The workflow may be corrupted or a custom node is missing.");
        assertThat(error.details()).isEqualTo("Node ID '#7'");
        assertThat(error.extraInfo()).containsEntry("node_id", "7").containsEntry("class_type", null).containsEntry("node_title", "Loader");
    }

    @Test
    void anUnknownClassTypeIsMissingNodeType() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "NoSuchNode");
        ErrorInfo error = ((ValidationResult.Invalid) validate(p)).error();
        assertThat(error.type()).isEqualTo("missing_node_type");
        assertThat(error.message()).isEqualTo("Node 'NoSuchNode' not found. The custom node may not be installed.");
        assertThat(error.extraInfo()).containsEntry("class_type", "NoSuchNode").containsEntry("node_title", "NoSuchNode");
    }

    @Test
    void aPromptWithoutOutputNodesHasNoOutputs() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 1);
        ValidationResult.Invalid result = (ValidationResult.Invalid) validate(p);
        assertThat(result.error()).isEqualTo(new ErrorInfo("prompt_no_outputs", "Prompt has no outputs", "", Map.of()));
        assertThat(validator.validate(show(p, "1").build(), Optional.of(List.of()), TestNodes.FILES)).isInstanceOf(ValidationResult.Invalid.class);
    }

    @Test
    void choicesDrawnFromFilesAreThoseOfTheSpaceThePromptIsValidatedFor() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "PickFile").set("file", "alice.png");
        show(p, "1");
        assertThat(validator.validate(p.build(), Optional.empty(), TestNodes.FILES.of("alice")))
                .isInstanceOf(ValidationResult.Valid.class);
        ErrorInfo error = onlyNodeError(validator.validate(p.build(), Optional.empty(), TestNodes.FILES.of("bob")), "1");
        assertThat(error.type()).isEqualTo("value_not_in_list");
        assertThat(error.details()).isEqualTo("file: 'alice.png' not in ['bob.png']");

        InputSpec unbound = TestNodes.registry().find("PickFile").orElseThrow().schema().input("file").orElseThrow();
        assertThatThrownBy(unbound::choiceList).isInstanceOf(IllegalStateException.class).hasMessageContaining("file space");
        assertThat(unbound.in(TestNodes.FILES.of("carol")).choiceList()).containsExactly("carol.png");
    }

    @Test
    void aMissingRequiredInputIsReported() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int");
        ValidationResult.Invalid result = (ValidationResult.Invalid) validate(show(p, "1"));
        assertThat(result.error().type()).isEqualTo("prompt_outputs_failed_validation");
        assertThat(result.error().message()).isEqualTo("Prompt outputs failed validation");
        ErrorInfo error = onlyNodeError(result, "1");
        assertThat(error).isEqualTo(new ErrorInfo("required_input_missing", "Required input is missing", "value", Map.of("input_name", "value")));
        assertThat(result.nodeErrors().get("1").dependentOutputs()).containsExactly("out");
        assertThat(result.nodeErrors().get("1").classType()).isEqualTo("Int");
        assertThat(result.nodeErrors()).doesNotContainKey("out");
    }

    @Test
    void valuesOutsideMinAndMaxAreReportedInComfyUisWords() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 101);
        ErrorInfo big = onlyNodeError(validate(show(p, "1")), "1");
        assertThat(big.type()).isEqualTo("value_bigger_than_max");
        assertThat(big.message()).isEqualTo("Value 101 bigger than max of 100");
        assertThat(big.extraInfo().get("input_config")).isEqualTo(Arrays.asList("INT", Map.of("default", 0L, "min", -100L, "max", 100L)));
        p.node("1", "Int").set("value", -101);
        assertThat(onlyNodeError(validate(show(p, "1")), "1").message()).isEqualTo("Value -101 smaller than min of -100");
    }

    @Test
    void unconvertibleConstantsAreInvalidInputType() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", "abc");
        ErrorInfo error = onlyNodeError(validate(show(p, "1")), "1");
        assertThat(error.type()).isEqualTo("invalid_input_type");
        assertThat(error.message()).isEqualTo("Failed to convert an input value to a INT value");
        assertThat(error.details()).isEqualTo("value, abc, invalid literal for int() with base 10: 'abc'");
    }

    @Test
    void comboValuesMustBeAmongTheChoices() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Pick").set("mode", "c").set("choice", "x");
        ErrorInfo error = onlyNodeError(validate(show(p, "1")), "1");
        assertThat(error.type()).isEqualTo("value_not_in_list");
        assertThat(error.details()).isEqualTo("mode: 'c' not in ['a', 'b']");
    }

    @Test
    void aLinkOfTheWrongTypeIsReturnTypeMismatch() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Float").set("value", 1.5);
        p.node("2", "Add").link("a", "1", 0).set("b", 1);
        ErrorInfo error = onlyNodeError(validate(show(p, "2")), "2");
        assertThat(error.type()).isEqualTo("return_type_mismatch");
        assertThat(error.details()).isEqualTo("a, received_type(FLOAT) mismatch input_type(INT)");
        assertThat(error.extraInfo()).containsEntry("received_type", "FLOAT").containsEntry("linked_node", List.of("1", 0L));
    }

    @Test
    void aListThatIsNotALinkIsBadLinkedInput() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", List.of(1, 2, 3));
        assertThat(onlyNodeError(validate(show(p, "1")), "1").type()).isEqualTo("bad_linked_input");
    }

    @Test
    void aLinkToAMissingNodeIsAnExceptionDuringValidation() {
        PromptBuilder p = new PromptBuilder();
        p.node("out", "Show").link("value", "99", 0);
        ValidationResult.Invalid result = (ValidationResult.Invalid) validate(p);
        ErrorInfo error = onlyNodeError(result, "out");
        assertThat(error.type()).isEqualTo("exception_during_validation");
        assertThat(error.details()).isEqualTo("'99'");
        PromptBuilder inner = new PromptBuilder();
        inner.node("1", "Add").link("a", "99", 0).set("b", 1);
        ErrorInfo innerError = onlyNodeError(validate(show(inner, "1")), "1");
        assertThat(innerError.type()).isEqualTo("exception_during_inner_validation");
    }

    @Test
    void linkSlotsThatAreNotValidIndexesAreValidationErrorsNotCrashes() throws Exception {
        for (String slot : List.of("-1", "3000000000", "4294967296", "1.5")) {
            ObjectNode json = (ObjectNode) PromptBuilder.JSON.readTree(
                    "{\"1\": {\"class_type\": \"Int\", \"inputs\": {\"value\": 1}},"
                            + " \"out\": {\"class_type\": \"Show\", \"inputs\": {\"value\": [\"1\", " + slot + "]}}}");
            ValidationResult result = validator.validate(Prompt.parse(json), Optional.empty(), TestNodes.FILES);
            assertThat(result).as(slot).isInstanceOf(ValidationResult.Invalid.class);
            assertThat(onlyNodeError(result, "out").type()).as(slot).isEqualTo("exception_during_validation");
        }
    }

    @Test
    void aStaticCycleIsDependencyCycle() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Add").link("a", "2", 0).set("b", 1);
        p.node("2", "Add").link("a", "1", 0).set("b", 1);
        ValidationResult result = validate(show(p, "2"));
        ErrorInfo error = onlyNodeError(result, "2");
        assertThat(error.type()).isEqualTo("dependency_cycle");
        assertThat(error.details()).isEqualTo("2 (Add) -> 1 (Add) -> 2 (Add)");
        assertThat(error.extraInfo()).containsEntry("cycle_nodes", List.of("2", "1"));
        assertThat(result.nodeErrors()).containsKeys("1", "2");
    }

    @Test
    void customValidationTakingItsInputSeesTheJsonKindAndSkipsMinMax() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Checked").set("x", 5.0);
        assertThat(validate(show(p, "1"))).isInstanceOf(ValidationResult.Valid.class);
        p.node("1", "Checked").set("x", 5);
        ErrorInfo error = onlyNodeError(validate(show(p, "1")), "1");
        assertThat(error).isEqualTo(new ErrorInfo("custom_validation_failed", "Custom validation failed for node",
                "x - not a float", Map.of("input_name", "x")));
    }

    @Test
    void oneInvalidOutputDoesNotStopAValidOne() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 1);
        p.node("2", "Int");
        p.node("a", "Show").link("value", "1", 0);
        p.node("b", "Show").link("value", "2", 0);
        ValidationResult.Valid result = (ValidationResult.Valid) validate(p);
        assertThat(result.outputs()).containsExactly("a");
        assertThat(result.nodeErrors()).containsOnlyKeys("2");
        assertThat(result.nodeErrors().get("2").dependentOutputs()).containsExactly("b");
    }

    @Test
    void partialExecutionTargetsSelectOutputs() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 1);
        p.node("a", "Show").link("value", "1", 0);
        p.node("b", "Show").link("value", "1", 0);
        ValidationResult.Valid result = (ValidationResult.Valid) validator.validate(p.build(), Optional.of(List.of("b", "1")), TestNodes.FILES);
        assertThat(result.outputs()).containsExactly("b");
    }

    @Test
    void floatsFormatLikePython() {
        assertThat(PyRepr.repr(5.0)).isEqualTo("5.0");
        assertThat(PyRepr.repr(1e38)).isEqualTo("1e+38");
        assertThat(PyRepr.repr(0.1)).isEqualTo("0.1");
        assertThat(PyRepr.repr(1e-5)).isEqualTo("1e-05");
        assertThat(PyRepr.repr(123456789.5)).isEqualTo("123456789.5");
        assertThat(PyRepr.repr(List.of("a", 1L, true))).isEqualTo("['a', 1, True]");
    }
}
