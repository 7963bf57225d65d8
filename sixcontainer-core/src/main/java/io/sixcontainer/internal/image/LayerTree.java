package io.sixcontainer.internal.image;

import io.sixcontainer.ffi.Libc;
import io.sixcontainer.internal.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Resolves tar entry names to paths inside a layer directory without ever passing through a
 * symlink.
 *
 * <p>Why an lstat walk and not openat2(RESOLVE_BENEATH): extraction runs as root into a fresh
 * directory that only this thread writes, so nothing can swap a checked directory for a
 * symlink between the check and the use. Every parent component is lstat'ed (or was created
 * or checked earlier by this very extraction) and must be a real directory; the final
 * component is only ever created with calls that do not follow it (O_CREAT|O_EXCL, mknod,
 * symlink, link, mkdir) after whatever was there was removed, and its metadata is set with
 * lchown/lutimes/lsetxattr. So the kernel's own path walk sees exactly the directories that
 * were checked, and a symlink planted by an earlier entry is data, never a route out.
 */
final class LayerTree {

    private final Path root;
    // Relative paths already known to be real directories created or checked by this extraction.
    private final NavigableSet<String> knownDirectories = new TreeSet<>();

    LayerTree(Path root) {
        this.root = root;
    }

    /**
     * The components of a tar name: {@code ./} prefixes, empty and {@code .} components dropped.
     * Absolute names and {@code ..} components are refused: nothing legitimate needs them.
     */
    static List<String> components(String name) throws RefusedEntryException {
        if (name.startsWith("/")) {
            throw new RefusedEntryException("absolute name refused");
        }
        List<String> out = new ArrayList<>();
        for (String c : name.split("/")) {
            if (c.equals("..")) {
                throw new RefusedEntryException("'..' in a name refused");
            }
            if (!c.isEmpty() && !c.equals(".")) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The directory that holds {@code components}' last element, creating missing parents
     * (mode 0755, as docker does) and refusing a parent that is a symlink or not a directory.
     */
    Path parentOf(List<String> components) throws IOException {
        return walk(components.subList(0, components.size() - 1), true);
    }

    /** The path of {@code components} after checking its parents exist as real directories (nothing is created). */
    Path existing(List<String> components) throws IOException {
        return walk(components.subList(0, components.size() - 1), false).resolve(components.getLast());
    }

    private Path walk(List<String> parents, boolean create) throws IOException {
        Path dir = root;
        String rel = "";
        for (String c : parents) {
            rel = rel.isEmpty() ? c : rel + "/" + c;
            dir = dir.resolve(c);
            if (knownDirectories.contains(rel)) {
                continue;
            }
            Lstat st = Lstat.ofOrNull(dir);
            if (st == null) {
                if (!create) {
                    throw new RefusedEntryException(rel + " does not exist in the layer");
                }
                Files.createDirectory(dir);
                Libc.chmod(dir.toString(), 0755); // not the umask's choice
            } else if (st.isSymlink()) {
                throw new RefusedEntryException(rel + " is a symlink; refusing to write through it");
            } else if (!st.isDirectory()) {
                throw new RefusedEntryException(rel + " is not a directory");
            }
            knownDirectories.add(rel);
        }
        return dir;
    }

    /** Remembers that {@code path} (inside the layer) is a real directory this extraction made. */
    void rememberDirectory(Path path) {
        knownDirectories.add(relative(path));
    }

    /**
     * Removes whatever is at {@code path} so a new entry can take its place; a symlink is
     * removed itself, never followed. An existing directory is kept when {@code keepDirectory}
     * (a directory entry over a directory only updates its metadata, as tar does).
     *
     * @return true when a directory was kept
     */
    boolean clear(Path path, boolean keepDirectory) throws IOException {
        Lstat st = Lstat.ofOrNull(path);
        if (st == null) {
            return false;
        }
        if (st.isDirectory() && keepDirectory) {
            return true;
        }
        if (st.isDirectory()) {
            StateStore.deleteTree(path);
        } else {
            Files.delete(path);
        }
        String rel = relative(path);
        knownDirectories.remove(rel);
        knownDirectories.subSet(rel + "/", rel + "0").clear(); // '0' is the character after '/'
        return false;
    }

    private String relative(Path path) {
        return root.relativize(path).toString();
    }

    /** Empties {@code dir}, keeping the directory itself. */
    static void deleteContents(Path dir) throws IOException {
        try (var children = Files.list(dir)) {
            for (Path child : children.toList()) {
                StateStore.deleteTree(child);
            }
        }
    }
}
