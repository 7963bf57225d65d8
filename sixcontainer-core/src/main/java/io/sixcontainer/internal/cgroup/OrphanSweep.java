package io.sixcontainer.internal.cgroup;

import io.sixcontainer.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the cgroups that a killed JVM could not: its containers died with it (the
 * lifeline), but the JVM removes a container's cgroup after the exit, and it was gone.
 * An orphan is a container-id-named cgroup under the parent with no process in it, made
 * more than {@code minAge} ago (a launch fills its new cgroup within milliseconds).
 */
public final class OrphanSweep {

    private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{64}");

    /** How old an empty container cgroup must be to count as an orphan when a runtime opens. */
    public static final Duration MIN_AGE = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(OrphanSweep.class);

    private OrphanSweep() {
    }

    /** Removes the orphans under the default parent, at least {@link #MIN_AGE} old; logs, never throws. */
    public static void sweepDefaultParent() {
        try {
            List<Path> removed = removeOrphans(CgroupLayout.host(), Resources.DEFAULT_CGROUP_PARENT, MIN_AGE);
            if (!removed.isEmpty()) {
                LOG.info("removed the cgroups of {} containers whose runtime had died: {}", removed.size(), removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot sweep orphaned container cgroups", e);
        }
    }

    /** Removes the orphans under {@code parent} on this host's layout; returns the directories removed. */
    public static List<Path> removeOrphans(CgroupLayout layout, String parent, Duration minAge) {
        List<Path> bases = new ArrayList<>();
        if (layout.unified()) {
            bases.add(CgroupLayout.base(layout.unifiedRoot(), layout.unifiedOwnDir(), parent));
        } else {
            layout.hierarchies().forEach(h -> bases.add(CgroupLayout.base(h.mountPoint(), h.ownDir(), parent)));
        }
        Instant cutoff = Instant.now().minus(minAge);
        List<Path> removed = new ArrayList<>();
        String rel = parent.replaceFirst("^/+", "");
        for (Path base : bases) {
            Path dir = base.resolve(rel);
            for (Path cgroup : children(dir)) {
                if (isOrphan(cgroup, cutoff)) {
                    CgroupFiles.removeIfUnused(cgroup);
                    if (!Files.exists(cgroup)) {
                        removed.add(cgroup);
                    }
                }
            }
            for (Path p = dir; p.startsWith(base) && !p.equals(base); p = p.getParent()) {
                CgroupFiles.removeIfUnused(p);
            }
        }
        return removed;
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> CONTAINER_ID.matcher(p.getFileName().toString()).matches()
                    && Files.isDirectory(p)).toList();
        } catch (IOException missing) {
            return List.of();
        }
    }

    private static boolean isOrphan(Path cgroup, Instant cutoff) {
        try {
            FileTime made = Files.getLastModifiedTime(cgroup);
            return made.toInstant().isBefore(cutoff)
                    && CgroupFiles.read(cgroup.resolve("cgroup.procs")).map(String::isEmpty).orElse(false);
        } catch (IOException gone) {
            return false;
        }
    }
}
