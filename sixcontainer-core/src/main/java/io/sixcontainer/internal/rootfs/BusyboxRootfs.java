package io.sixcontainer.internal.rootfs;

import io.sixcontainer.ContainerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Builds a minimal root filesystem from the host's static busybox (Debian's
 * {@code busybox-static}): the binary, a link per applet, {@code /etc/passwd} and
 * {@code /etc/group}, and the usual empty directories. Built once per runtime root, in a
 * temporary directory renamed into place, so concurrent builders never see half a rootfs.
 */
public final class BusyboxRootfs {

    private static final List<Path> CANDIDATES = List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox"));
    private static final String HOW_TO_GET = "install a static busybox (Debian/Ubuntu: apt-get install busybox-static)";

    private BusyboxRootfs() {
    }

    /** Returns {@code dir}, building it first if it does not exist. */
    public static Path ensure(Path dir) {
        if (Files.isDirectory(dir.resolve("bin"))) {
            return dir;
        }
        Path busybox = findStaticBusybox();
        Path tmp = null;
        try {
            Files.createDirectories(dir.getParent());
            tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + "-");
            populate(tmp, busybox);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileSystemException raced) {
                // rename(2) onto a directory another builder just completed: theirs is as good as ours
                if (!Files.isDirectory(dir.resolve("bin"))) {
                    throw raced;
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the busybox rootfs in " + dir + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                io.sixcontainer.internal.state.StateStore.deleteTree(tmp);
            }
        }
    }

    private static void populate(Path root, Path busybox) throws IOException {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String d : List.of("bin", "sbin", "usr/bin", "usr/sbin", "etc", "proc", "sys", "dev", "root", "tmp", "var/tmp", "home")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.setAttribute(root.resolve("tmp"), "unix:mode", 01777);
        Files.setAttribute(root.resolve("var/tmp"), "unix:mode", 01777);
        Files.setPosixFilePermissions(root.resolve("root"), PosixFilePermissions.fromString("rwx------"));
        Path target = root.resolve("bin/busybox");
        Files.copy(busybox, target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String applet : applets(busybox)) {
            Path link = root.resolve(applet);
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, Path.of("/bin/busybox"));
            }
        }
        Files.writeString(root.resolve("etc/passwd"),
                "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\ntty:x:5:\nnogroup:x:65534:\n");
    }

    private static List<String> applets(Path busybox) throws IOException {
        Process p = new ProcessBuilder(busybox.toString(), "--list-full").redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new ContainerException(busybox + " --list-full failed: " + out.strip());
            }
            return out.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.contains("..") && !l.startsWith("/"))
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("interrupted while listing busybox applets", e);
        }
    }

    private static Path findStaticBusybox() {
        for (Path p : CANDIDATES) {
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                if (!isStaticElf(p)) {
                    throw new ContainerException(p + " is dynamically linked and cannot run in an empty rootfs; "
                            + HOW_TO_GET);
                }
                return p;
            }
        }
        throw new ContainerException("no busybox found at " + CANDIDATES + "; " + HOW_TO_GET);
    }

    // A static ELF has no PT_INTERP program header (no dynamic loader to run it).
    static boolean isStaticElf(Path file) {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer h = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.read(h, 0) < 64 || h.getInt(0) != 0x464c457f || h.get(4) != 2) {
                return false;
            }
            long phoff = h.getLong(0x20);
            int phentsize = Short.toUnsignedInt(h.getShort(0x36));
            int phnum = Short.toUnsignedInt(h.getShort(0x38));
            ByteBuffer ph = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < phnum; i++) {
                ph.clear();
                if (ch.read(ph, phoff + (long) i * phentsize) < 4) {
                    return false;
                }
                if (ph.getInt(0) == 3) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
