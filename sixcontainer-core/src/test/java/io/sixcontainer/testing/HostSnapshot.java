package io.sixcontainer.testing;

import io.sixcontainer.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a test class could leak on the host: mount points, helper processes, descriptors of
 * this JVM, cgroups. Taken before and after every test class by {@link LeakCheckExtension}.
 *
 * @param mounts    mount points of the host's (this JVM's) mount namespace
 * @param helpers   "pid cmdline" of every process running the helper of one of this JVM's test roots
 * @param openFds   descriptors of this JVM that point at pipes, BPF objects or sixcontainer files
 * @param cgroups   cgroup directories named like ours (a container id, or the default parent)
 * @param links     network devices named like ours (bridges, host ends of veths)
 * @param nftTables nftables tables named like ours
 */
public record HostSnapshot(Set<String> mounts, Set<String> helpers, Set<String> openFds, Set<String> cgroups,
                           Set<String> links, Set<String> nftTables) {

    private static final Pattern OUR_CGROUP = Pattern.compile("[0-9a-f]{64}|" + Resources.DEFAULT_CGROUP_PARENT);

    /** Takes a snapshot now. */
    public static HostSnapshot take() {
        return new HostSnapshot(readMounts(), readHelpers(), readFds(), readCgroups(), readLinks(), readNftTables());
    }

    /** Human-readable differences: what {@code after} has that this snapshot does not. */
    public List<String> leaksIn(HostSnapshot after) {
        List<String> leaks = new ArrayList<>();
        diff("mount", mounts, after.mounts, leaks);
        diff("helper process", helpers, after.helpers, leaks);
        diff("descriptor", openFds, after.openFds, leaks);
        diff("cgroup", cgroups, after.cgroups, leaks);
        diff("network device", links, after.links, leaks);
        diff("nftables table", nftTables, after.nftTables, leaks);
        return leaks;
    }

    private static void diff(String what, Set<String> before, Set<String> after, List<String> out) {
        for (String s : after) {
            if (!before.contains(s)) {
                out.add(what + ": " + s);
            }
        }
    }

    private static final Pattern OUR_LINK = Pattern.compile("sxv[0-9a-f]{12}|sxb[0-9a-f]{10}|sixc0");

    /** Our devices in the host's network namespace. */
    public static Set<String> readLinks() {
        Set<String> set = new TreeSet<>();
        try (Stream<Path> devs = Files.list(Path.of("/sys/class/net"))) {
            devs.map(p -> p.getFileName().toString()).filter(n -> OUR_LINK.matcher(n).matches()).forEach(set::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return set;
    }

    /** Our nftables tables ({@code table ip sixcontainer}, {@code table ip sixc_...}); empty without nft. */
    public static Set<String> readNftTables() {
        Set<String> set = new TreeSet<>();
        Path nft = Files.isExecutable(Path.of("/usr/sbin/nft")) ? Path.of("/usr/sbin/nft") : null;
        if (nft == null) {
            return set;
        }
        try {
            Process p = new ProcessBuilder(nft.toString(), "list", "tables").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            out.lines().filter(l -> l.matches("table ip (sixcontainer|sixc_.*)")).forEach(set::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return set;
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

    /** Every directory named like ours in every cgroup filesystem mounted on the host. */
    public static Set<String> readCgroups() {
        // A cgroup removed while the tree is walked fails the walk; look again.
        for (int attempt = 0; ; attempt++) {
            try {
                return walkCgroups();
            } catch (IllegalStateException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    private static Set<String> walkCgroups() {
        Set<String> set = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] w = line.split(" ");
                String fstype = w[List.of(w).indexOf("-") + 1];
                if (fstype.equals("cgroup") || fstype.equals("cgroup2")) {
                    try (Stream<Path> dirs = Files.find(Path.of(w[4]), 8,
                            (p, attrs) -> attrs.isDirectory() && OUR_CGROUP.matcher(p.getFileName().toString()).matches())) {
                        dirs.forEach(d -> set.add(d.toString()));
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalStateException("cannot list cgroups", e);
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
                    if ((target.startsWith("pipe:") || target.startsWith("anon_inode:bpf") || target.contains("sixc")) && !target.startsWith("/memfd:sixc-helper")) {
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
