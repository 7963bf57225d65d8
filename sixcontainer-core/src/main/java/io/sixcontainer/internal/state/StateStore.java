package io.sixcontainer.internal.state;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.internal.plan.LaunchPlan;
import io.sixcontainer.internal.plan.LaunchPlanJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Containers' state on disk: {@code containers/<id>/state.json}, always written whole to a
 * temporary file and renamed, so a reader sees the old record or the new one; every
 * read-modify-write holds the container's lock (a file lock across JVMs, a lock within this
 * one, since file locks are per process).
 *
 * <p>Nothing is fsynced, as with runc and crun (docs/state.md): a killed JVM or helper cannot
 * tear a record (the rename is atomic), and a power loss, which could, also kills every
 * container. A record left empty or cut short that way reads as no record: the directory is
 * {@link #debris() debris} that the next repair removes.
 */
public final class StateStore {

    /** The log file of a detached container, in its directory. */
    public static final String LOG_FILE = "container.log";
    private static final String STATE_FILE = "state.json";
    private static final String LOCK_FILE = "lock";
    /** The container's plan, in its directory. */
    public static final String PLAN_FILE = "plan.json";
    private static final int PLANS_KEPT = 4096;

    private static final String CREATING_PREFIX = ".creating-";
    private static final String REMOVING_PREFIX = ".removing-";
    private static final int EXIT_RECORD_WAIT_STEPS = 200;
    private static final java.util.regex.Pattern DEBRIS_ID = java.util.regex.Pattern.compile(
            "(?:" + java.util.regex.Pattern.quote(REMOVING_PREFIX) + ")?([0-9a-f]{64})(?:\\.[0-9]+)?");

    private static final Map<String, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path containers;
    private final Trash trash;
    // A plan never changes, so a store may keep the ones it has read (ps reads them all).
    private final Map<String, LaunchPlan> plans = new ConcurrentHashMap<>();

    /** @param root the runtime root */
    public StateStore(Path root) {
        this.containers = root.resolve("containers");
        this.trash = new Trash(root);
        try {
            Files.createDirectories(containers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + containers, e);
        }
    }

    /** The directory of container {@code id}. */
    public Path dir(String id) {
        return containers.resolve(id);
    }

    /**
     * Writes the first record of a new container and its plan; its directory appears whole
     * or not at all. The plan is written once and never changes; the record is read and
     * rewritten many times.
     */
    public void create(ContainerRecord record, LaunchPlan plan) {
        // The creator is in the name, so a repair can tell debris from a creation in progress.
        Path tmp = containers.resolve(CREATING_PREFIX + record.id + "." + record.launcherPid + "." + record.launcherStartTime);
        try {
            Files.createDirectory(tmp);
            Files.write(tmp.resolve(PLAN_FILE), LaunchPlanJson.write(plan));
            writeRecord(tmp, record);
            Files.move(tmp, dir(record.id), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteTree(tmp);
            throw new ContainerException("cannot record container " + record.id + ": " + e.getMessage(), e);
        }
        rememberPlan(plan);
    }

    /**
     * The plan of container {@code id}; empty when it has none that can be read: a container
     * recorded before plans existed (state.json version 1), or a plan a power loss tore.
     *
     * @throws ContainerException when the plan is whole but does not map (a newer version's)
     */
    public Optional<LaunchPlan> plan(String id) {
        LaunchPlan known = plans.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<LaunchPlan> read;
        try {
            read = RecordFile.read(dir(id).resolve(PLAN_FILE), LaunchPlanJson::read);
        } catch (IOException e) {
            throw new ContainerException("cannot read the plan of container " + id + ": " + e.getMessage(), e);
        }
        read.ifPresent(this::rememberPlan);
        return read;
    }

    private void rememberPlan(LaunchPlan plan) {
        if (plans.size() >= PLANS_KEPT) {
            plans.clear();
        }
        plans.put(plan.id(), plan);
    }

    /** The record of {@code id}, if there is one; a torn record (see the class comment) is none. */
    public Optional<ContainerRecord> read(String id) {
        try {
            return RecordFile.read(dir(id).resolve(STATE_FILE), ContainerRecordJson::read);
        } catch (IOException e) {
            throw new ContainerException("cannot read the state of container " + id + ": " + e.getMessage(), e);
        }
    }

    /** Applies {@code change} to the record of {@code id} under its lock and persists it. */
    public ContainerRecord update(String id, Consumer<ContainerRecord> change) {
        return locked(id, () -> {
            ContainerRecord r = read(id).orElseThrow(() -> new ContainerException("no such container: " + id));
            change.accept(r);
            try {
                writeRecord(dir(id), r);
            } catch (IOException e) {
                throw new ContainerException("cannot write the state of container " + id + ": " + e.getMessage(), e);
            }
            return r;
        });
    }

    /**
     * Persists the launcher's own copy of a record it {@link #create created}, under the lock,
     * without reading the record back: nothing else changes a record while its launcher is
     * alive, but a removal, which takes the directory (and so the lock: this then fails).
     */
    public void rewrite(ContainerRecord own) {
        locked(own.id, () -> {
            try {
                writeRecord(dir(own.id), own);
            } catch (IOException e) {
                throw new ContainerException("cannot write the state of container " + own.id + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** Runs {@code action} holding the lock of container {@code id}. */
    public <T> T locked(String id, java.util.function.Supplier<T> action) {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(id, k -> new ReentrantLock());
        if (jvmLock.isHeldByCurrentThread()) {
            // Nested: this thread holds the file lock already (a second one would throw).
            return action.get();
        }
        jvmLock.lock();
        try (FileChannel ch = FileChannel.open(dir(id).resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            return action.get();
        } catch (NoSuchFileException e) {
            throw new ContainerException("no such container: " + id, e);
        } catch (IOException e) {
            throw new ContainerException("cannot lock container " + id + ": " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    /**
     * Brings a record up to date with the kernel: a running container whose monitor wrote an
     * exit record, or whose process is gone, becomes exited. Returns the current record.
     */
    public Optional<ContainerRecord> refresh(String id) {
        Optional<ContainerRecord> r = read(id);
        if (r.isPresent() && r.get().status == ContainerStatus.EXITED && r.get().exitCode == null
                && r.get().exitSignal == null) {
            // A monitor that wrote its record after a reader had given up on it.
            Optional<ExitRecord> late = ExitRecord.read(dir(id));
            if (late.isPresent()) {
                return Optional.of(update(id, rec -> markExited(rec, late.get())));
            }
        }
        if (r.isEmpty() || !ended(r.get())) {
            return r;
        }
        ExitRecord exit = awaitExitRecord(id);
        try {
            return Optional.of(update(id, rec -> {
                if (rec.status == ContainerStatus.RUNNING) {
                    markExited(rec, exit);
                }
            }));
        } catch (ContainerException e) {
            if (read(id).isEmpty()) {
                return Optional.empty();  // removed meanwhile
            }
            throw e;
        }
    }

    /** True when {@code r} says running but its process is gone or its monitor recorded the exit. */
    public boolean ended(ContainerRecord r) {
        return r.status == ContainerStatus.RUNNING
                && !(ProcessIdentity.isAlive(r.pid, r.pidStartTime) && !ExitRecord.present(dir(r.id)));
    }

    // The monitor reaps the init, then writes the record: a process that is gone with no
    // record yet is most likely in that gap. No record at all means nobody saw the end
    // (the monitor was killed, or the host rebooted); nor does a torn one, which no monitor
    // will ever rewrite.
    private ExitRecord awaitExitRecord(String id) {
        for (int i = 0; i < EXIT_RECORD_WAIT_STEPS; i++) {
            Optional<ExitRecord> exit = ExitRecord.read(dir(id));
            if (exit.isPresent()) {
                return exit.get();
            }
            if (ExitRecord.present(dir(id))) {
                // renamed into place since the read above, or torn
                return ExitRecord.read(dir(id)).orElse(null);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return null;
    }

    /** Records the end of the command; {@code exit} null when nobody saw it end (e.g. a reboot). */
    public static void markExited(ContainerRecord rec, ExitRecord exit) {
        rec.status = ContainerStatus.EXITED;
        if (exit != null) {
            rec.finished = exit.finished();
            if (exit.status().signaled()) {
                rec.exitSignal = exit.status().signal();
            } else {
                rec.exitCode = exit.status().code();
            }
        }
    }

    /** Ids of every recorded container (directories being created are not listed). */
    public List<String> ids() {
        try (Stream<Path> s = Files.list(containers)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + containers, e);
        }
    }

    /** Leftovers of launches whose JVM died before their directory was complete. */
    public List<Path> abandonedCreations() {
        try (Stream<Path> s = Files.list(containers)) {
            return s.filter(p -> p.getFileName().toString().startsWith(CREATING_PREFIX))
                    .filter(p -> !creatorAlive(p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + containers, e);
        }
    }

    private static boolean creatorAlive(String dirName) {
        String[] f = dirName.substring(CREATING_PREFIX.length()).split("\\.");
        try {
            return f.length == 3 && ProcessIdentity.isAlive(Integer.parseInt(f[1]), Long.parseLong(f[2]));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Removes the directory of {@code id} and everything in it. It is first renamed out of
     * the way in one step, so no reader or locker can find (or re-create files in) a
     * half-deleted container; a leftover of a crash in between is swept by a repair.
     */
    public void delete(String id) {
        purge(id, detach(id));
    }

    /**
     * The first step of {@link #delete}: renames the directory of {@code id} into the trash,
     * after which no reader finds the container; returns where it went, or null if it was gone.
     */
    public Path detach(String id) {
        Path doomed = trash.slot(id);
        try {
            Files.move(dir(id), doomed, StandardCopyOption.ATOMIC_MOVE);
            return doomed;
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            throw new ContainerException("cannot remove container " + id + ": " + e.getMessage(), e);
        }
    }

    /** The second step of {@link #delete}: deletes what {@link #detach} moved away ({@code doomed} may be null). */
    public void purge(String id, Path doomed) {
        if (doomed != null) {
            deleteTree(doomed);
        }
        JVM_LOCKS.remove(id);
    }

    /** {@link #purge}, but the files are deleted in the background ({@link #drain} waits for that). */
    public void purgeLater(String id, Path doomed) {
        if (doomed != null) {
            trash.empty(doomed);
        }
        JVM_LOCKS.remove(id);
    }

    /** Waits until the files of every container this store {@link #purgeLater purged later} are deleted. */
    public void drain() {
        trash.drain();
    }

    /** The record in a directory {@link #debris()} returned, if it still holds a readable one. */
    public Optional<ContainerRecord> recordIn(Path debris) {
        try {
            return RecordFile.read(debris.resolve(STATE_FILE), ContainerRecordJson::read);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The plan in a directory {@link #debris()} returned, if it still holds a readable one. */
    public Optional<LaunchPlan> planIn(Path debris) {
        try {
            return RecordFile.read(debris.resolve(PLAN_FILE), LaunchPlanJson::read);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The container id a directory {@link #debris()} returned belongs to, if its name tells. */
    public static Optional<String> idOf(Path debris) {
        java.util.regex.Matcher m = DEBRIS_ID.matcher(debris.getFileName().toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Directories that are debris: removals cut short (in the trash, or {@code .removing-*} of
     * earlier versions), and container directories without a readable record (none, or one a
     * power loss left empty or cut short).
     */
    public List<Path> debris() {
        try (Stream<Path> s = Files.list(containers)) {
            return Stream.concat(trash.abandoned().stream(), s.filter(p -> p.getFileName().toString().startsWith(REMOVING_PREFIX)
                    || !p.getFileName().toString().startsWith(".") && unreadable(p.getFileName().toString()))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + containers, e);
        }
    }

    // A record that does not map (a newer version's?) is kept: only a missing or torn one is debris.
    private boolean unreadable(String id) {
        try {
            return read(id).isEmpty();
        } catch (ContainerException e) {
            return false;
        }
    }

    private static void writeRecord(Path dir, ContainerRecord record) throws IOException {
        Path tmp = dir.resolve(STATE_FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(ContainerRecordJson.write(record));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
        try {
            Files.move(tmp, dir.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + dir + " cannot rename atomically", e);
        }
    }

    /** {@link #deleteTree}, content when another process deletes the same tree meanwhile; logs what it cannot delete. */
    public static void deleteTreeQuietly(Path root) {
        Trash.deleteQuietly(root);
    }

    /** Deletes a tree without following symlinks; a missing tree is fine. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
        }
    }
}
