package io.sixcontainer.internal.image;

import io.sixcontainer.ffi.Libc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Creates tar entries, one at a time, inside a layer directory: files, directories, symlinks
 * (verbatim, never followed), hardlinks (to a regular file already in the layer), device
 * nodes and FIFOs, with owner, mode (setuid/setgid/sticky included) and mtime; OCI whiteouts
 * become overlayfs whiteouts. Paths are resolved by {@link LayerTree}, which refuses any route
 * out of the layer.
 */
final class LayerDirWriter {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private record DirectoryTime(Path dir, FileTime mtime) {
    }

    private final LayerTree tree;
    // Directory mtimes are set last: creating their children would change them again.
    private final List<DirectoryTime> directoryTimes = new ArrayList<>();

    LayerDirWriter(Path layerDir) {
        this.tree = new LayerTree(layerDir);
    }

    /** Creates {@code entry} in the layer; {@code content} is positioned at its data. */
    void write(TarArchiveEntry entry, InputStream content) throws IOException {
        List<String> names = LayerTree.components(entry.getName());
        if (names.isEmpty()) {
            return; // the layer root itself ("./"): its directory is ours, not the image's
        }
        String last = names.getLast();
        if (last.startsWith(Whiteouts.PREFIX)) {
            writeWhiteout(names, last);
            return;
        }
        Path parent = tree.parentOf(names);
        Path target = parent.resolve(last);
        if (entry.isDirectory()) {
            if (!tree.clear(target, true)) {
                Files.createDirectory(target);
            }
            tree.rememberDirectory(target);
            setOwnerAndMode(target, entry);
            directoryTimes.add(new DirectoryTime(target, entry.getLastModifiedTime()));
            return;
        }
        if (entry.isLink()) {
            writeHardlink(names, target, entry.getLinkName());
            return;
        }
        tree.clear(target, false);
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            Files.setAttribute(target, "unix:uid", (int) entry.getLongUserId(), NOFOLLOW);
            Files.setAttribute(target, "unix:gid", (int) entry.getLongGroupId(), NOFOLLOW);
        } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            int type = entry.isCharacterDevice() ? Lstat.S_IFCHR : entry.isBlockDevice() ? Lstat.S_IFBLK : Lstat.S_IFIFO;
            Libc.mknod(target.toString(), type | 0600, Libc.makedev(entry.getDevMajor(), entry.getDevMinor()));
            setOwnerAndMode(target, entry);
        } else if (isRegularFile(entry)) {
            Files.copy(content, target); // CREATE_NEW: O_EXCL, never through a link
            setOwnerAndMode(target, entry);
        } else {
            throw new RefusedEntryException("unsupported entry type '" + (char) entry.getLinkFlag() + "'");
        }
        setMtime(target, entry.getLastModifiedTime());
    }

    /** Sets the directory mtimes recorded while extracting; call once after the last entry. */
    void finish() throws IOException {
        for (DirectoryTime t : directoryTimes.reversed()) {
            setMtime(t.dir(), t.mtime());
        }
    }

    private void writeWhiteout(List<String> names, String last) throws IOException {
        if (last.equals(Whiteouts.OPAQUE_MARKER)) {
            Whiteouts.markOpaque(tree.parentOf(names));
            return;
        }
        if (last.startsWith(Whiteouts.META_PREFIX)) {
            return; // aufs bookkeeping, not content
        }
        String hidden = last.substring(Whiteouts.PREFIX.length());
        if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
            throw new RefusedEntryException("whiteout of '" + hidden + "' refused");
        }
        Path target = tree.parentOf(names).resolve(hidden);
        tree.clear(target, false);
        Whiteouts.createOverlayWhiteout(target);
    }

    private void writeHardlink(List<String> names, Path target, String linkName) throws IOException {
        List<String> targetNames = LayerTree.components(linkName);
        if (targetNames.isEmpty() || targetNames.equals(names)) {
            throw new RefusedEntryException("hardlink to '" + linkName + "' refused");
        }
        Path existing = tree.existing(targetNames);
        Lstat st = Lstat.ofOrNull(existing);
        if (st == null || !st.isRegularFile()) {
            throw new RefusedEntryException("hardlink target '" + linkName + "' is not a regular file in the layer");
        }
        tree.clear(target, false);
        Files.createLink(target, existing); // link(2) never follows its target's final symlink on Linux
    }

    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte flag = entry.getLinkFlag();
        return flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM
                || flag == TarConstants.LF_CONTIG || entry.isSparse();
    }

    // lchown first: chown(2) clears setuid/setgid, so the mode goes on after the owner.
    private static void setOwnerAndMode(Path target, TarArchiveEntry entry) throws IOException {
        Files.setAttribute(target, "unix:uid", (int) entry.getLongUserId(), NOFOLLOW);
        Files.setAttribute(target, "unix:gid", (int) entry.getLongGroupId(), NOFOLLOW);
        Files.setAttribute(target, "unix:mode", entry.getMode() & 07777, NOFOLLOW);
    }

    private static void setMtime(Path target, FileTime mtime) throws IOException {
        Files.getFileAttributeView(target, BasicFileAttributeView.class, NOFOLLOW).setTimes(mtime, null, null);
    }
}
