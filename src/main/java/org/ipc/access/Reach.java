package org.ipc.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What one caller may do with one case: the parts they see and the actions they may take (none: not theirs). */
public record Reach(Set<CasePart> parts, Set<CaseAction> actions) {

    /** The case is not the caller's at all: it answers as a missing one would. */
    public static final Reach NONE = new Reach(Set.of(), Set.of());

    public Reach {
        parts = parts.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(parts));
        actions = actions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(actions));
    }

    /** Whether the caller reaches the case at all. */
    public boolean any() {
        return !parts.isEmpty();
    }

    public boolean sees(CasePart part) {
        return parts.contains(part);
    }

    public boolean may(CaseAction action) {
        return actions.contains(action);
    }

    /** Both reaches together: a person with two roles gets what each gives. */
    Reach and(Reach other) {
        Set<CasePart> p = EnumSet.noneOf(CasePart.class);
        p.addAll(parts);
        p.addAll(other.parts);
        Set<CaseAction> a = EnumSet.noneOf(CaseAction.class);
        a.addAll(actions);
        a.addAll(other.actions);
        return new Reach(p, a);
    }
}
