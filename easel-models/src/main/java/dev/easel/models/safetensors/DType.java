package dev.easel.models.safetensors;

import java.util.Arrays;
import java.util.Optional;

/** The element types a {@code .safetensors} header names, with their sizes in bytes. */
public enum DType {
    F64(8), F32(4), F16(2), BF16(2), F8_E4M3(1), F8_E5M2(1),
    I64(8), I32(4), I16(2), I8(1), U64(8), U32(4), U16(2), U8(1), BOOL(1);

    private final int size;

    DType(int size) {
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** The header's name ({@code "F16"}, ...), exactly as written. */
    public static Optional<DType> of(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }

    public boolean isFloat() {
        return this == F64 || this == F32 || this == F16 || this == BF16 || this == F8_E4M3 || this == F8_E5M2;
    }
}
