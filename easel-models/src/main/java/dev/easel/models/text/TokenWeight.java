package dev.easel.models.text;

/** One token of a prompt and the emphasis weight its text carried ({@code (word:1.2)} gives 1.2). */
public record TokenWeight(int id, float weight) {
}
