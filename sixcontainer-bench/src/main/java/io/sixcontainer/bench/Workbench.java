package io.sixcontainer.bench;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.Namespace;
import io.sixcontainer.Resources;
import io.sixcontainer.ContainerRuntime;
import io.sixcontainer.Security;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the workloads share: a scratch directory, a sixcontainer runtime rooted in it,
 * its busybox rootfs, OCI bundles of that same rootfs, crun's private mount namespace, and
 * one {@link Contender} per way of running {@code /bin/true} in a container.
 */
final class Workbench implements AutoCloseable {

    /** The memory limit every container gets, ours through its cgroup, crun's and runc's through config.json. */
    static final long MEMORY_LIMIT = 64L << 20;
    /** Our containers' image: the built-in busybox, under a write layer of each container's own. */
    static final String IMAGE = "busybox";

    final Preflight tools;
    final Path work;
    final Path repo;
    final ContainerRuntime runtime;
    final Path rootfs;
    final Path bundleTrue;
    final Path bundleSleep;
    private final CrunNamespace crunNs;
    private final Path errFile;
    private final AtomicLong ids = new AtomicLong();

    private Workbench(Preflight tools, Path work, Path repo) throws IOException, InterruptedException {
        this.tools = tools;
        this.work = work;
        this.repo = repo;
        this.runtime = ContainerRuntime.open(work.resolve("sixc-root"));
        this.rootfs = runtime.busyboxRootfs();
        this.bundleTrue = OciBundle.write(work.resolve("bundle-true"), rootfs, List.of("/bin/true"),
                MEMORY_LIMIT);
        this.bundleSleep = OciBundle.write(work.resolve("bundle-sleep"), rootfs,
                List.of("/bin/sleep", "3600"), MEMORY_LIMIT);
        this.errFile = work.resolve("stderr.txt");
        this.crunNs = tools.has("crun") && tools.has("unshare") && tools.has("nsenter") && tools.has("setpriv")
                ? CrunNamespace.start(tools, work) : null;
    }

    static Workbench open(Preflight tools, Path repo) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("sixc-bench-");
        return new Workbench(tools, work, repo);
    }

    boolean hasCrun() {
        return crunNs != null;
    }

    /**
     * The busybox image with an overlay write layer of its own, its own cgroup with a memory
     * limit, and what the OCI bundle gives crun and runc: the same five namespaces (no cgroup
     * namespace, so no /sys/fs/cgroup inside) and the same confinement, none (every
     * capability, no seccomp, nothing masked), so that neither side pays for work the other
     * skips. {@link #defaultsSpec} is the library's defaults.
     */
    ContainerSpec spec(String... argv) {
        return specOf(argv);
    }

    /** {@link #spec}, for a JVM without a workbench. */
    static ContainerSpec specOf(String... argv) {
        return defaultsSpec(argv).toBuilder()
                .namespaces(EnumSet.of(Namespace.PID, Namespace.NET, Namespace.IPC, Namespace.UTS, Namespace.MOUNT))
                .security(Security.privileged()).build();
    }

    /** {@link #spec} with the library's defaults: six namespaces, Docker's capabilities, seccomp profile and masked paths. */
    static ContainerSpec defaultsSpec(String... argv) {
        return ContainerSpec.builder().image(IMAGE).command(argv)
                .resources(Resources.builder().memory(MEMORY_LIMIT).build()).build();
    }

    /** launch() then waitFor() through the Java API, in this JVM. */
    Contender javaApi() {
        return javaApi("sixcontainer (Java API)", spec("/bin/true"));
    }

    /** {@link #javaApi} with the library's default confinement ({@link #defaultsSpec}). */
    Contender javaApiDefaults() {
        return javaApi("sixcontainer, default confinement", defaultsSpec("/bin/true"));
    }

    /** {@link #javaApi} on the default bridge network with one published port (a free host port). */
    Contender javaApiBridged() {
        return javaApi("sixcontainer, bridge + -p 80", spec("/bin/true").toBuilder()
                .network(io.sixcontainer.Network.bridge(io.sixcontainer.Network.DEFAULT_BRIDGE))
                .publish(io.sixcontainer.PublishedPort.tcp(80)).build());
    }

    private Contender javaApi(String name, ContainerSpec spec) {
        return new Contender(name, () -> {
            try (Container c = runtime.launch(spec)) {
                ExitStatus s = c.waitFor();
                if (!s.success()) {
                    throw new IllegalStateException("/bin/true in sixcontainer ended " + s);
                }
            }
        });
    }

    Contender crun() {
        return new Contender("crun run", () -> ExternalCommand.run(crunRun(bundleTrue, nextId()), errFile));
    }

    Contender runc() {
        return new Contender("runc run", () -> ExternalCommand.run(runcRun(bundleTrue, nextId()), errFile));
    }

    Contender bwrap() {
        List<String> argv = List.of(tools.path("bwrap"), "--unshare-all", "--ro-bind", rootfs.toString(), "/",
                "--proc", "/proc", "--dev", "/dev", "/bin/true");
        return new Contender("bwrap --unshare-all", () -> ExternalCommand.run(argv, errFile));
    }

    Contender unshare() {
        List<String> argv = List.of(tools.path("unshare"), "--fork", "--pid", "--mount", "--uts", "--ipc", "--net",
                "--mount-proc", "/bin/true");
        return new Contender("unshare (5 ns)", () -> ExternalCommand.run(argv, errFile));
    }

    /** {@code ./sixc run --rm -m 64m busybox /bin/true}, the whole CLI process. */
    Contender sixcCli() {
        List<String> argv = List.of(repo.resolve("sixc").toString(), "--root", runtime.root().toString(),
                "run", "--rm", "--memory", Long.toString(MEMORY_LIMIT), IMAGE, "/bin/true");
        return new Contender("./sixc run (CLI)", () -> ExternalCommand.run(argv, errFile));
    }

    /** The JVM's own start with the flags ./sixc uses: the floor under any Java CLI. */
    Contender jvmFloor() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-version");
        return new Contender("java -version (JVM start)", () -> ExternalCommand.run(argv, errFile));
    }

    List<String> crunRun(Path bundle, String id) {
        if (crunNs == null) {
            throw new IllegalStateException("crun is not available");
        }
        return crunNs.wrap(List.of(tools.path("crun"), "--root", work.resolve("crun-state").toString(),
                "run", "--bundle", bundle.toString(), id));
    }

    List<String> crunCommand(String... args) {
        List<String> argv = new ArrayList<>(List.of(tools.path("crun"), "--root", work.resolve("crun-state").toString()));
        argv.addAll(List.of(args));
        return crunNs.wrap(argv);
    }

    List<String> runcRun(Path bundle, String id) {
        return List.of(tools.path("runc"), "--root", work.resolve("runc-state").toString(),
                "run", "--bundle", bundle.toString(), id);
    }

    List<String> runcCommand(String... args) {
        List<String> argv = new ArrayList<>(List.of(tools.path("runc"), "--root", work.resolve("runc-state").toString()));
        argv.addAll(List.of(args));
        return argv;
    }

    String nextId() {
        return "sixcbench-" + ProcessHandle.current().pid() + "-" + ids.incrementAndGet();
    }

    Path errFile() {
        return errFile;
    }

    @Override
    public void close() throws IOException {
        try {
            runtime.close();
            // ./sixc run puts containers on the default bridge of this root: its bridge and nft
            // table are the host's, not the scratch directory's.
            for (io.sixcontainer.NetworkInfo n : runtime.networks()) {
                runtime.removeNetwork(n.name());
            }
        } finally {
            try {
                if (crunNs != null) {
                    crunNs.close();
                }
            } finally {
                Cleanup.deleteTree(work);
            }
        }
    }
}
