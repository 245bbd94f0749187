package dev.easel.testingnodes.specific;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonText;
import dev.easel.testingnodes.stubs.Fill;

import java.util.Optional;

/** The "IMAGE,FLOAT" pair shared by the custom-validation nodes: their inputs, check and product. */
final class ImageOrFloat {
    private ImageOrFloat() {}

    static final String TYPE = "IMAGE,FLOAT";

    static NodeSchema.Builder schema(String classType, String displayName) {
        return TestingPackSchema.builder(classType).displayName(displayName).category(SpecificTests.CATEGORY)
                .required("input1", TYPE)
                .required("input2", TYPE)
                .output("IMAGE");
    }

    /**
     * Rejects a constant that is neither a tensor nor a float. A JSON int stays an int for this
     * non-primitive type, so {@code 5} fails where {@code 5.0} passes; linked inputs are null.
     */
    static Optional<String> checkValues(Inputs values) {
        for (String name : new String[] {"input1", "input2"}) {
            Object value = values.get(name);
            if (value != null && !(value instanceof Tensor) && !(value instanceof Double)) {
                return Optional.of("Invalid type of " + name + ": " + PythonText.typeOf(value));
            }
        }
        return Optional.empty();
    }

    /** Two floats give a 512² image of their product; otherwise tensor-times-scalar or tensor-times-tensor. */
    static Object product(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Fill.white512().mul((float) (double) x).mul((float) (double) y);
        }
        if (a instanceof Tensor x && b instanceof Tensor y) return x.mul(y);
        if (a instanceof Tensor x && b instanceof Number y) return x.mul(y.floatValue());
        if (a instanceof Number x && b instanceof Tensor y) return y.mul(x.floatValue());
        if (a instanceof Long x && b instanceof Long y) return Math.multiplyExact(x, y);
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() * y.doubleValue();
        throw new IllegalArgumentException("unsupported operand types for *: " + PythonText.typeOf(a)
                + " and " + PythonText.typeOf(b));
    }
}
