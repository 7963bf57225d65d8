package io.sixcontainer.internal.security;

import io.sixcontainer.Capability;
import java.util.Collection;

/** Capability masks of the canonical names {@link io.sixcontainer.Security} holds. */
public final class Capabilities {

    private Capabilities() {
    }

    /** The bit mask of {@code names} (canonical, as {@link Capability#name()}). */
    public static long mask(Collection<String> names) {
        long mask = 0;
        for (String n : names) {
            mask |= 1L << Capability.valueOf(n).number();
        }
        return mask;
    }
}
