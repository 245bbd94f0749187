package dev.easel.diffusion.cond;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** ComfyUI's CONDITIONING value: a list of conditionings that are applied together. */
public record Conditioning(List<ConditioningEntry> entries) {

    public Conditioning {
        entries = List.copyOf(entries);
    }

    public static Conditioning of(ConditioningEntry entry) {
        return new Conditioning(List.of(entry));
    }

    /** Both lists, this one first ({@code ConditioningCombine}). */
    public Conditioning combine(Conditioning other) {
        List<ConditioningEntry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new Conditioning(all);
    }

    public Conditioning map(UnaryOperator<ConditioningEntry> change) {
        return new Conditioning(entries.stream().map(change).toList());
    }
}
