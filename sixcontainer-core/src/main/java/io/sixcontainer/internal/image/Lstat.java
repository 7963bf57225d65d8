package io.sixcontainer.internal.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * What lstat(2) says about a path (the link itself, never its target), read through the JDK's
 * {@code unix:} attribute view.
 *
 * @param mode  file type and permission bits, as in {@code st_mode}
 * @param rdev  the device number of a device node
 * @param dev   the device of the filesystem holding it (with {@code ino}, the inode's identity)
 * @param mtime the modification time
 */
record Lstat(int mode, int uid, int gid, long rdev, long dev, long ino, int nlink, long size, FileTime mtime) {

    static final int S_IFMT = 0170000;
    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;
    static final int S_IFCHR = 0020000;
    static final int S_IFBLK = 0060000;
    static final int S_IFIFO = 0010000;
    static final int S_IFSOCK = 0140000;

    /** lstat(path); throws {@link NoSuchFileException} when nothing is there. */
    static Lstat of(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,rdev,dev,ino,nlink,size,lastModifiedTime",
                LinkOption.NOFOLLOW_LINKS);
        return new Lstat((int) a.get("mode"), (int) a.get("uid"), (int) a.get("gid"), (long) a.get("rdev"),
                (long) a.get("dev"), (long) a.get("ino"), (int) a.get("nlink"), (long) a.get("size"),
                (FileTime) a.get("lastModifiedTime"));
    }

    /** lstat(path), or null when nothing is there. */
    static Lstat ofOrNull(Path path) throws IOException {
        try {
            return of(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The file type bits ({@code S_IF*}). */
    int type() {
        return mode & S_IFMT;
    }

    /** The permission bits including setuid, setgid and sticky. */
    int permissions() {
        return mode & 07777;
    }

    boolean isDirectory() {
        return type() == S_IFDIR;
    }

    boolean isRegularFile() {
        return type() == S_IFREG;
    }

    boolean isSymlink() {
        return type() == S_IFLNK;
    }
}
