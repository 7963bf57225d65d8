package io.sixcontainer.internal.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code cgroup.procs} files of every cgroup a process is in, as host paths: what an
 * exec'd process writes its pid to, to be confined exactly like the container's init.
 */
final class CgroupMembership {

    private CgroupMembership() {
    }

    /** One {@code cgroup.procs} path per hierarchy {@code pid} belongs to. */
    static List<String> procsFiles(int pid) {
        try {
            List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo"));
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "cgroup"))) {
                String[] f = line.split(":", 3);
                if (f.length == 3) {
                    hostPath(mounts, f[1], f[2]).ifPresent(p -> out.add(p.resolve("cgroup.procs").toString()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cgroups of pid " + pid + ": " + e.getMessage(), e);
        }
    }

    // mountinfo: ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS ... - FSTYPE SOURCE SUPEROPTS
    private static java.util.Optional<Path> hostPath(List<String> mounts, String controllers, String path) {
        Set<String> wanted = controllers.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(controllers.split(",")));
        for (String m : mounts) {
            String[] halves = m.split(" - ", 2);
            if (halves.length != 2) {
                continue;
            }
            String[] pre = halves[0].split(" ");
            String[] post = halves[1].split(" ");
            boolean matches = wanted.isEmpty()
                    ? post[0].equals("cgroup2")
                    : post[0].equals("cgroup") && Set.of(post[2].split(",")).containsAll(wanted);
            if (matches && pre[4].startsWith("/sys/fs/cgroup")) {
                String root = pre[3];
                String rel = path.startsWith(root) ? path.substring(root.length()) : path;
                return java.util.Optional.of(Path.of(pre[4], rel.startsWith("/") ? rel.substring(1) : rel));
            }
        }
        return java.util.Optional.empty();
    }
}
