package io.sixcontainer;

import io.sixcontainer.ffi.HelperBinary;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.internal.cgroup.CgroupParents;
import io.sixcontainer.internal.cgroup.OrphanSweep;
import io.sixcontainer.internal.launch.Launcher;
import io.sixcontainer.internal.launch.OutputCollector;
import io.sixcontainer.internal.lifecycle.ContainerRegistry;
import io.sixcontainer.internal.registry.ImagePull;
import io.sixcontainer.internal.registry.TokenCache;
import io.sixcontainer.internal.registry.auth.RegistryCredentials;
import io.sixcontainer.internal.rootfs.BusyboxRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point: a runtime rooted at a directory that holds its state, launching
 * containers from this JVM with no daemon. Needs root.
 *
 * <pre>{@code
 * try (ContainerRuntime runtime = ContainerRuntime.open(Path.of("/var/lib/sixcontainer"))) {
 *     ContainerResult r = runtime.run(ContainerSpec.builder()
 *             .rootfs(runtime.busyboxRootfs())
 *             .command("echo", "hello")
 *             .build(), Duration.ofSeconds(10));
 *     System.out.print(r.stdout());   // hello
 * }
 * }</pre>
 */
public final class ContainerRuntime implements AutoCloseable {

    /** The default runtime root. */
    public static final Path DEFAULT_ROOT = Path.of("/var/lib/sixcontainer");

    private final Path root;
    private final ContainerRegistry lifecycle;

    private ContainerRuntime(Path root, ContainerRegistry lifecycle) {
        this.root = root;
        this.lifecycle = lifecycle;
    }

    /**
     * Opens a runtime rooted at {@code root} (created if missing, mode 0700), and repairs
     * what JVMs killed in the middle of a launch or a remove left there.
     *
     * @throws ContainerException if not running as root or the root cannot be prepared
     */
    public static ContainerRuntime open(Path root) {
        return open(root, RuntimeOptions.defaults());
    }

    /**
     * {@link #open(Path)} with {@code options}.
     *
     * @throws ContainerException if not running as root or the root cannot be prepared
     */
    public static ContainerRuntime open(Path root, RuntimeOptions options) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(options, "options");
        if (Libc.geteuid() != 0) {
            throw new ContainerException("sixcontainer needs root (effective uid is " + Libc.geteuid() + ")");
        }
        Path abs = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
            // Root writes state, links and logs here: a directory someone else owns could redirect them.
            Object owner = Files.getAttribute(abs, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (!Integer.valueOf(0).equals(owner) || Files.isSymbolicLink(abs)) {
                throw new ContainerException("the runtime root " + abs + " must be a directory owned by root, not uid "
                        + owner + (Files.isSymbolicLink(abs) ? " (it is a symbolic link)" : ""));
            }
            Files.setPosixFilePermissions(abs, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new ContainerException("cannot prepare the runtime root " + abs + ": " + e.getMessage(), e);
        }
        Path helper;
        try {
            helper = HelperBinary.locate(abs.resolve("helper"));
        } catch (RuntimeException e) {
            throw new ContainerException("cannot prepare the helper binary: " + e.getMessage(), e);
        }
        OrphanSweep.sweepDefaultParent();
        TokenCache tokens = new TokenCache();
        ContainerRegistry lifecycle = new ContainerRegistry(abs, new Launcher(helper), images -> new ImagePull(images,
                abs.resolve("pulls"), RegistryCredentials.fromEnvironment(), tokens, options.insecureRegistries()));
        lifecycle.repair();
        return new ContainerRuntime(abs, lifecycle);
    }

    /** Opens the runtime at {@link #DEFAULT_ROOT}. */
    public static ContainerRuntime open() {
        return open(DEFAULT_ROOT);
    }

    /** The runtime root directory. */
    public Path root() {
        return root;
    }

    /**
     * A root filesystem made from the host's static busybox, built on first use under the
     * runtime root. Containers share it and can write to it.
     *
     * @throws ContainerException if the host has no static busybox (the message says how to get one)
     */
    public Path busyboxRootfs() {
        return BusyboxRootfs.ensure(root.resolve("rootfs").resolve("busybox"));
    }

    /**
     * Starts a container and returns once its command runs.
     *
     * @throws LaunchException if a setup step fails or the command cannot be executed;
     *                         nothing of the container is left behind
     * @throws ContainerException if the name is in use
     */
    public Container launch(ContainerSpec spec) {
        return lifecycle.launch(Objects.requireNonNull(spec, "spec"));
    }

    /** Every container recorded under this root, newest first, with its status checked now. */
    public List<ContainerInfo> list() {
        return lifecycle.list();
    }

    /**
     * A handle on the container with this name, id, or unique id prefix.
     *
     * @throws ContainerException if an id prefix matches several containers
     */
    public Optional<Container> get(String nameOrId) {
        return lifecycle.find(Objects.requireNonNull(nameOrId, "nameOrId"));
    }

    /**
     * Runs a container to completion, collecting its stdout and stderr (whatever the spec
     * said for them) as UTF-8 strings. Its stdin is whatever the spec says.
     *
     * @throws ContainerException if it does not end within {@code timeout} (it is killed)
     */
    public ContainerResult run(ContainerSpec spec, Duration timeout) {
        ContainerSpec captured = spec.toBuilder().stdout(Stdio.pipe()).stderr(Stdio.pipe()).build();
        try (Container c = launch(captured)) {
            OutputCollector out = OutputCollector.start(c.stdout(), "stdout-" + c.id().substring(0, 12));
            OutputCollector err = OutputCollector.start(c.stderr(), "stderr-" + c.id().substring(0, 12));
            ExitStatus status = c.waitFor(timeout).orElseGet(() -> {
                c.kill();
                c.waitFor();
                throw new ContainerException("container " + c.id().substring(0, 12) + " (" + spec.command()
                        + ") did not end within " + timeout + " and was killed");
            });
            // Every process of the container died with its init: the pipes close at once.
            Duration grace = Duration.ofSeconds(5);
            String what = "container " + c.id().substring(0, 12);
            return new ContainerResult(status, out.text(grace, what), err.text(grace, what));
        }
    }

    /**
     * Makes a bridge network: containers launched with {@link Network#bridge(String)} on it get an
     * address of it, reach each other by name and alias, and may publish ports. Its bridge
     * device and nftables rules are made with its first container.
     *
     * @param subnet an IPv4 CIDR such as {@code 10.90.0.0/24}, or null for a free /24 from 10.89.0.0 on
     * @throws InvalidSpecException naming a bad name or subnet, or a subnet that overlaps a route
     *                              of the host or another network
     * @throws ContainerException   if a network of that name exists
     */
    public NetworkInfo createNetwork(String name, String subnet) {
        return lifecycle.networks().create(Objects.requireNonNull(name, "name"), subnet);
    }

    /** {@link #createNetwork(String, String)} on a free subnet. */
    public NetworkInfo createNetwork(String name) {
        return createNetwork(name, null);
    }

    /**
     * Removes a network, its bridge and its rules.
     *
     * @throws ContainerException if there is no such network or a container that has not ended is on it
     */
    public void removeNetwork(String name) {
        lifecycle.removeNetwork(Objects.requireNonNull(name, "name"));
    }

    /**
     * The bridge networks, by name ({@link Network#DEFAULT_BRIDGE} appears once a container has
     * used it).
     */
    public List<NetworkInfo> networks() {
        return lifecycle.networks().list();
    }

    /** Every image stored under this root (not the built-ins {@code busybox} and {@code host}). */
    public List<ImageInfo> images() {
        return lifecycle.images().list();
    }

    /**
     * The image with this {@code NAME[:TAG]}, id or unique id prefix, or a built-in.
     *
     * @throws ImageException if an id prefix matches several images
     */
    public Optional<ImageInfo> image(String ref) {
        return lifecycle.images().find(Objects.requireNonNull(ref, "ref"));
    }

    /**
     * Gives the image {@code ref} names a further name {@code newRef} ({@code NAME[:TAG]});
     * whatever {@code newRef} named before loses it.
     *
     * @throws ImageException if there is no such image or {@code newRef} is invalid
     */
    public ImageInfo tagImage(String ref, String newRef) {
        return lifecycle.images().tag(Objects.requireNonNull(ref, "ref"), Objects.requireNonNull(newRef, "newRef"));
    }

    /**
     * Removes {@code ref}: a name of an image that has other names is only untagged;
     * otherwise the image and its layers no other image or container uses are deleted.
     *
     * @param force remove an image that containers were made from (their layers stay until they are removed)
     * @return what was done: {@code untagged: NAME:TAG} or {@code deleted: ID}
     * @throws ImageException if there is no such image, or it is in use and not {@code force}
     */
    public String removeImage(String ref, boolean force) {
        return lifecycle.images().remove(Objects.requireNonNull(ref, "ref"), force);
    }

    /**
     * Imports an image: a rootfs tarball ({@code docker export}; {@code .tar} or gzip) as one
     * layer, an OCI image layout (a directory or a tar of one) or a docker-archive
     * ({@code docker save}) with its layers and config (env, entrypoint, cmd, working dir as
     * container defaults). Tar entries that would write outside their layer are refused.
     *
     * @param name {@code NAME[:TAG]} for the image, or null for the archive's own tag (if any)
     * @throws ImageException if the archive is missing, corrupt, truncated or unsafe; no image
     *                        and no layer of it is left behind
     */
    public ImageInfo importImage(Path archive, String name) {
        return lifecycle.images().transfer().importArchive(Objects.requireNonNull(archive, "archive"), name);
    }

    /**
     * Pulls an image from its registry, as {@code docker pull} does: {@code busybox} is
     * {@code docker.io/library/busybox:latest}; {@code localhost:5000/team/app:1},
     * {@code ghcr.io/org/app@sha256:...} name other registries. Loopback registries (and the
     * {@link RuntimeOptions#insecureRegistries insecure} ones) are reached over HTTP, all
     * others over HTTPS. Credentials come from docker's and podman's config files and
     * credential helpers. Layers the store has are not downloaded again. A pulled
     * {@code busybox} shadows the built-in one.
     *
     * @return the stored image, tagged with the reference's tag (none for a digest) and with its repo digest
     * @throws ImageException naming the reference and the cause (no such image, access denied,
     *                        a digest mismatch, no image for the platform, ...); nothing of
     *                        the failed pull is left
     */
    public ImageInfo pull(String ref, PullOptions options) {
        return lifecycle.images().pull(Objects.requireNonNull(ref, "ref"), Objects.requireNonNull(options, "options"));
    }

    /** {@link #pull(String, PullOptions)} for this machine's platform, without progress reports. */
    public ImageInfo pull(String ref) {
        return pull(ref, PullOptions.defaults());
    }

    /**
     * Writes the image {@code ref} names to {@code out} (which must not exist for an OCI
     * directory; a rootfs tar replaces an existing file in one rename).
     *
     * @throws ImageException if there is no such image (or it is the host image) or writing fails
     */
    public void exportImage(String ref, Path out, ExportFormat format) {
        lifecycle.images().transfer().export(Objects.requireNonNull(ref, "ref"), Objects.requireNonNull(out, "out"),
                Objects.requireNonNull(format, "format") == ExportFormat.OCI_LAYOUT);
    }

    /**
     * Stops and removes every attached container this runtime launched; detached ones live on.
     * Waits until the networks of ended containers are released (their rules, veths and
     * addresses go in the background when a container ends) and the files of removed containers are deleted (a removal takes the container
     * out of sight at once and deletes its files in the background). Parent cgroups (see
     * {@link Resources#cgroupParent()}) that containers of this JVM used and that are empty
     * now are removed.
     */
    @Override
    public void close() {
        try {
            lifecycle.closeAttached();
        } finally {
            lifecycle.networks().awaitReleases();
            lifecycle.finishRemovals();
            // Parent cgroups stay while containers come and go; the empty ones go now.
            CgroupParents.removeUnused();
        }
    }
}
