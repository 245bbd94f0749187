package dev.easel.models.text;

/** A run of prompt text and the emphasis weight its parentheses gave it. */
record WeightedText(String text, double weight) {
}
