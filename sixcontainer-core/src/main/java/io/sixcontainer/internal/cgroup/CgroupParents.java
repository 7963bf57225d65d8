package io.sixcontainer.internal.cgroup;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parent cgroups (the default {@code sixcontainer}, or a spec's cgroupParent) that this
 * JVM made containers' cgroups in or removed them from. A parent stays while containers come
 * and go, so that a launch after a launch does not remove it and make it again (on v1 once per
 * hierarchy); {@link #removeUnused()}, called when a runtime closes, removes those left empty.
 * A killed JVM's empty default parent goes with the next open's {@link OrphanSweep}.
 */
public final class CgroupParents {

    // parent directory -> the base it hangs under (which is never removed)
    private static final Map<Path, Path> SEEN = new ConcurrentHashMap<>();

    private CgroupParents() {
    }

    /** Notes that a container's cgroup {@code dir} under {@code base} was made or removed. */
    static void seen(Path base, Path dir) {
        Path parent = dir.getParent();
        if (!parent.equals(base) && parent.startsWith(base)) {
            SEEN.putIfAbsent(parent, base);
        }
    }

    /** Removes every parent seen that is empty now, deepest first; one in use stays. Never throws. */
    public static void removeUnused() {
        List<Map.Entry<Path, Path>> deepestFirst = SEEN.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<Path, Path> e) -> e.getKey().getNameCount()).reversed())
                .toList();
        for (Map.Entry<Path, Path> e : deepestFirst) {
            for (Path p = e.getKey(); p.startsWith(e.getValue()) && !p.equals(e.getValue()); p = p.getParent()) {
                CgroupFiles.removeIfUnused(p);
            }
            if (!java.nio.file.Files.exists(e.getKey())) {
                SEEN.remove(e.getKey(), e.getValue());
            }
        }
    }
}
