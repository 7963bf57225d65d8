package io.sixcontainer.internal.image;

import io.sixcontainer.ffi.Libc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What a directory tree holds, as lstat and the file contents show it, for comparing trees in tests. */
final class TreeSnapshot {

    private TreeSnapshot() {
    }

    /** Relative path -> "type perms uid:gid [major,minor] mtime content-or-target [opaque]". */
    static Map<String, String> of(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.equals(root)).toList()) {
                out.put(root.relativize(p).toString(), describe(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String describe(Path p) throws IOException {
        Lstat st = Lstat.of(p);
        StringBuilder s = new StringBuilder();
        s.append(Integer.toOctalString(st.type() >> 12)).append(' ')
                .append(Integer.toOctalString(st.permissions())).append(' ')
                .append(st.uid()).append(':').append(st.gid()).append(' ');
        if (st.type() == Lstat.S_IFCHR || st.type() == Lstat.S_IFBLK) {
            s.append(Libc.major(st.rdev())).append(',').append(Libc.minor(st.rdev())).append(' ');
        }
        if (!st.isSymlink()) {
            s.append(st.mtime().toMillis()).append(' ');
        }
        if (st.isRegularFile()) {
            s.append(Files.readString(p));
        } else if (st.isSymlink()) {
            s.append("-> ").append(Files.readSymbolicLink(p));
        } else if (st.isDirectory() && Whiteouts.isOpaque(p)) {
            s.append("opaque");
        }
        return s.toString().trim();
    }
}
