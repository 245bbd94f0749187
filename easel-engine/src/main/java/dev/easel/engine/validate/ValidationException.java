package dev.easel.engine.validate;

/** An unexpected failure while validating a node, reported with a Python-like exception type. */
final class ValidationException extends Exception {
    private final String exceptionType;

    ValidationException(String message, String exceptionType) {
        super(message, null, false, false);
        this.exceptionType = exceptionType;
    }

    String exceptionType() {
        return exceptionType;
    }
}
