package io.sixcontainer.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private mount namespace in which crun 1.8 accepts this host's hybrid cgroup layout
 * ("cgroups in hybrid mode not supported"): its /sys/fs/cgroup is a fresh tmpfs holding
 * bind mounts of only the cgroup v1 hierarchies. A holder process ({@code sleep}) keeps the
 * namespace alive; each crun call enters it with {@code nsenter --mount}, which execs crun
 * in place (no extra fork). Every mount is made inside the namespace with propagation
 * private, so the host's mount table never changes; the namespace dies with the holder,
 * which {@code setpriv --pdeathsig KILL} ties to this JVM even if it is killed.
 */
final class CrunNamespace implements AutoCloseable {

    // $1 = a staging directory; the host's /sys/fs/cgroup is bound there before the tmpfs
    // covers it, then each v1 hierarchy is bound back from the stage.
    private static final String SETUP = """
            set -e
            stage=$1
            mount --rbind /sys/fs/cgroup "$stage"
            mount -t tmpfs -o mode=755 sixc-bench-cgroup /sys/fs/cgroup
            for d in "$stage"/*; do
              [ "$(stat -f -c %T "$d")" = cgroupfs ] || continue
              n=${d##*/}
              mkdir "/sys/fs/cgroup/$n"
              mount --bind "$d" "/sys/fs/cgroup/$n"
            done
            echo ready
            exec sleep infinity
            """;

    private final Process holder;
    private final String nsenter;

    private CrunNamespace(Process holder, String nsenter) {
        this.holder = holder;
        this.nsenter = nsenter;
    }

    static CrunNamespace start(Preflight tools, Path work) throws IOException, InterruptedException {
        Path stage = Files.createDirectories(work.resolve("cgroup-stage"));
        Process p = new ProcessBuilder(tools.path("setpriv"), "--pdeathsig", "KILL",
                tools.path("unshare"), "--mount", "--propagation", "private",
                "sh", "-c", SETUP, "sh", stage.toString())
                .redirectInput(new File("/dev/null"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        if (!"ready".equals(line)) {
            p.destroyForcibly();
            p.waitFor();
            throw new IOException("could not prepare crun's private mount namespace (got " + line + ")");
        }
        return new CrunNamespace(p, tools.path("nsenter"));
    }

    /** {@code argv} prefixed so that it runs inside the namespace. */
    List<String> wrap(List<String> argv) {
        List<String> all = new ArrayList<>(List.of(nsenter, "--target", Long.toString(holder.pid()), "--mount", "--"));
        all.addAll(argv);
        return all;
    }

    @Override
    public void close() {
        holder.destroy();
        try {
            if (!holder.waitFor(5, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
                holder.waitFor();
            }
        } catch (InterruptedException e) {
            holder.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
