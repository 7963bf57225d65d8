package io.sixcontainer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small root filesystem with its own users: the busybox binary, a few applets, and the
 * {@code /etc/passwd} and {@code /etc/group} a test writes.
 */
public final class UsersRootfs {

    /** alice (1000) is in staff and audio, bob (1001) in staff and video; one entry is malformed. */
    public static final String PASSWD = """
            root:x:0:0:root:/root:/bin/sh
            # a comment, and a malformed entry that must never be read as uid 0:
            broken:x:notanumber:0::/:/bin/sh
            alice:x:1000:1000:Alice:/home/alice:/bin/sh
            bob:x:1001:1001::/home/bob:/bin/sh
            """;
    /** The groups of {@link #PASSWD}. */
    public static final String GROUP = """
            root:x:0:
            alice:x:1000:
            bob:x:1001:
            audio:x:29:alice
            video:x:44:bob
            staff:x:50:bob,alice
            """;

    private static final List<String> APPLETS = List.of("sh", "id", "cat", "grep", "sleep", "true", "mkfifo", "ls");

    private UsersRootfs() {
    }

    /** Creates the rootfs in {@code dir} from {@code busybox} (a busybox rootfs), with these files. */
    public static Path create(Path dir, Path busybox, String passwd, String group) {
        try {
            Files.createDirectories(dir.resolve("bin"));
            Files.createDirectories(dir.resolve("etc"));
            Files.createDirectories(dir.resolve("tmp"));
            Files.copy(busybox.resolve("bin/busybox"), dir.resolve("bin/busybox"));
            for (String a : APPLETS) {
                Files.createSymbolicLink(dir.resolve("bin").resolve(a), Path.of("busybox"));
            }
            if (passwd != null) {
                Files.writeString(dir.resolve("etc/passwd"), passwd);
            }
            if (group != null) {
                Files.writeString(dir.resolve("etc/group"), group);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
