package io.sixcontainer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a test class could leak on the host: mount points, helper processes, descriptors of
 * this JVM. Taken before and after every test class by {@link LeakCheckExtension}.
 *
 * @param mounts    mount points of the host's (this JVM's) mount namespace
 * @param helpers   "pid cmdline" of every process running the helper of one of this JVM's test roots
 * @param openFds   descriptors of this JVM that point at pipes or sixcontainer files
 */
public record HostSnapshot(Set<String> mounts, Set<String> helpers, Set<String> openFds) {

    /** Takes a snapshot now. */
    public static HostSnapshot take() {
        return new HostSnapshot(readMounts(), readHelpers(), readFds());
    }

    /** Human-readable differences: what {@code after} has that this snapshot does not. */
    public List<String> leaksIn(HostSnapshot after) {
        List<String> leaks = new ArrayList<>();
        diff("mount", mounts, after.mounts, leaks);
        diff("helper process", helpers, after.helpers, leaks);
        diff("descriptor", openFds, after.openFds, leaks);
        return leaks;
    }

    private static void diff(String what, Set<String> before, Set<String> after, List<String> out) {
        for (String s : after) {
            if (!before.contains(s)) {
                out.add(what + ": " + s);
            }
        }
    }

    private static Set<String> readMounts() {
        Set<String> set = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                set.add(line.split(" ")[4]);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return set;
    }

    private static Set<String> readHelpers() {
        Set<String> set = new TreeSet<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    // Only helpers of this JVM's roots: other test runs on the machine are not ours.
                    if (cmd.contains("sixc-helper") && TestRoots.created().stream().anyMatch(cmd::contains)) {
                        set.add(p.getFileName() + " " + cmd.strip());
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return set;
    }

    private static Set<String> readFds() {
        Set<String> set = new TreeSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    // The sealed helper image is one descriptor per JVM, kept on purpose.
                    if ((target.startsWith("pipe:") || target.contains("sixc")) && !target.startsWith("/memfd:sixc-helper")) {
                        set.add(fd.getFileName() + " -> " + target);
                    }
                } catch (IOException gone) {
                    // the descriptor of the listing itself, closed by now
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return set;
    }
}
