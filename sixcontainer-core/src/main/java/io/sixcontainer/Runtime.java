package io.sixcontainer;

import io.sixcontainer.ffi.HelperBinary;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.internal.cgroup.OrphanSweep;
import io.sixcontainer.internal.launch.Launcher;
import io.sixcontainer.internal.rootfs.BusyboxRootfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry point: a runtime rooted at a directory that holds its state, launching
 * containers from this JVM with no daemon. Needs root.
 *
 * <pre>{@code
 * try (Runtime runtime = Runtime.open(Path.of("/var/lib/sixcontainer"))) {
 *     ContainerResult r = runtime.run(ContainerSpec.builder()
 *             .rootfs(runtime.busyboxRootfs())
 *             .command("echo", "hello")
 *             .build(), Duration.ofSeconds(10));
 *     System.out.print(r.stdout());   // hello
 * }
 * }</pre>
 */
public final class Runtime implements AutoCloseable {

    /** The default runtime root. */
    public static final Path DEFAULT_ROOT = Path.of("/var/lib/sixcontainer");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final Launcher launcher;
    private final Set<Container> attached = ConcurrentHashMap.newKeySet();

    private Runtime(Path root, Launcher launcher) {
        this.root = root;
        this.launcher = launcher;
    }

    /**
     * Opens a runtime rooted at {@code root} (created if missing, mode 0700).
     *
     * @throws ContainerException if not running as root or the root cannot be prepared
     */
    public static Runtime open(Path root) {
        Objects.requireNonNull(root, "root");
        if (Libc.geteuid() != 0) {
            throw new ContainerException("sixcontainer needs root (effective uid is " + Libc.geteuid() + ")");
        }
        Path abs = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
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
        return new Runtime(abs, new Launcher(helper));
    }

    /** Opens the runtime at {@link #DEFAULT_ROOT}. */
    public static Runtime open() {
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
     */
    public Container launch(ContainerSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Container c = launcher.launch(spec, newId(), attached::remove);
        attached.add(c);
        if (!c.isRunning()) {
            attached.remove(c);
        }
        return c;
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
            Collector out = Collector.start(c.stdout(), c.id(), "stdout");
            Collector err = Collector.start(c.stderr(), c.id(), "stderr");
            ExitStatus status = c.waitFor(timeout).orElseGet(() -> {
                c.kill();
                c.waitFor();
                throw new ContainerException("container " + c.id().substring(0, 12) + " (" + spec.command()
                        + ") did not end within " + timeout + " and was killed");
            });
            return new ContainerResult(status, out.text(), err.text());
        }
    }

    /** Kills every container this runtime launched that still runs, and waits for them. */
    @Override
    public void close() {
        for (Container c : Set.copyOf(attached)) {
            c.close();
        }
    }

    private static String newId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Drains one output stream on a platform thread (reads block in native code). */
    private static final class Collector {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Thread thread;
        private IOException failure;

        static Collector start(InputStream in, String id, String name) {
            Collector c = new Collector();
            c.thread = Thread.ofPlatform().daemon().name("sixc-" + name + "-" + id.substring(0, 12)).start(() -> {
                try {
                    in.transferTo(c.buffer);
                } catch (IOException e) {
                    c.failure = e;
                }
            });
            return c;
        }

        String text() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerException("interrupted while collecting output", e);
            }
            if (failure != null) {
                throw new UncheckedIOException(failure);
            }
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
