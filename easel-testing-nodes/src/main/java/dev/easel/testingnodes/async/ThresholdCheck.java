package dev.easel.testingnodes.async;

import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.Inputs;
import dev.easel.testingnodes.python.PythonText;

import java.util.Optional;
import java.util.Set;

/**
 * The slow validation of the async-validation nodes: after a short wait (a remote check in real
 * life), a value above its limit fails with a message naming both numbers as Python prints them.
 */
final class ThresholdCheck {
    private ThresholdCheck() {}

    static final long DELAY_MILLIS = 50;

    interface Message {
        String format(String value, String limit);
    }

    static CustomValidation of(String valueInput, String limitInput, Message message) {
        return new CustomValidation(Set.of(valueInput, limitInput), false, false, (values, types, files) -> {
            Thread.sleep(DELAY_MILLIS);
            Object value = values.get(valueInput);
            Object limit = values.get(limitInput);
            if (!(value instanceof Number v) || !(limit instanceof Number l)) {
                throw new IllegalArgumentException("'>' not supported between instances of "
                        + PythonText.typeOf(value) + " and " + PythonText.typeOf(limit));
            }
            return v.doubleValue() > l.doubleValue()
                    ? Optional.of(message.format(PythonText.str(value), PythonText.str(limit)))
                    : Optional.empty();
        });
    }

    static double ratio(Inputs inputs, String numerator, String denominator) {
        return inputs.getDouble(numerator) / inputs.getDouble(denominator);
    }
}
