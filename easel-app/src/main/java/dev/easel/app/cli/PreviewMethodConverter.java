package dev.easel.app.cli;

import dev.easel.app.config.PreviewMethod;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts the wire names ComfyUI uses ({@code none}, {@code latent2rgb}, ...). */
final class PreviewMethodConverter implements ITypeConverter<PreviewMethod> {
    @Override
    public PreviewMethod convert(String value) {
        return PreviewMethod.fromWire(value).orElseThrow(() -> new TypeConversionException(
                "expected one of " + String.join(", ", PreviewMethod.wireNames()) + " but was '" + value + "'"));
    }
}
