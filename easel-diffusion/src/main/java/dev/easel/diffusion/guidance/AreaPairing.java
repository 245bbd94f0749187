package dev.easel.diffusion.guidance;

import dev.easel.diffusion.cond.Area;
import dev.easel.diffusion.cond.ConditioningEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * ComfyUI's {@code create_cond_with_same_area_if_none}: every area entry of one side gets a
 * counterpart with the same area (and strength) on the other side, carrying the text of the
 * smallest entry there that encloses the area, or of the first entry without an area. Without
 * it an area prompt would be guided against an unconditional prediction averaged over a
 * different region.
 */
final class AreaPairing {
    private AreaPairing() {}

    /** {@code target} with the counterparts of {@code source}'s area entries appended. */
    static List<ConditioningEntry> complete(List<ConditioningEntry> target, List<ConditioningEntry> source) {
        List<ConditioningEntry> out = new ArrayList<>(target);
        for (ConditioningEntry c : source) {
            if (c.area().isEmpty()) continue;
            Area area = c.area().get();
            ConditioningEntry smallest = null;
            for (ConditioningEntry candidate : out) {
                if (candidate.area().isPresent()) {
                    Area a = candidate.area().get();
                    if (!inside(area, a)) continue;
                    if (smallest == null || smallest.area().isEmpty()
                            || (long) smallest.area().get().height() * smallest.area().get().width() > (long) a.height() * a.width()) {
                        smallest = candidate;
                    }
                } else if (smallest == null) {
                    smallest = candidate;
                }
            }
            if (smallest == null || smallest.area().equals(c.area())) continue;
            out.add(new ConditioningEntry(smallest.crossAttn(), smallest.pooled(), c.strength(), c.area(), smallest.sizes()));
        }
        return out;
    }

    private static boolean inside(Area inner, Area outer) {
        return inner.y() >= outer.y() && inner.x() >= outer.x()
                && inner.y() + inner.height() <= outer.y() + outer.height()
                && inner.x() + inner.width() <= outer.x() + outer.width();
    }
}
