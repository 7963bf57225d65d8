package io.sixcontainer.internal.image;

import io.sixcontainer.ffi.Libc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Creates tar entries, one at a time, inside a layer directory: files, directories, symlinks
 * (verbatim, never followed), hardlinks (to a regular file already in the layer), device
 * nodes and FIFOs, with owner, mode (setuid/setgid/sticky included), mtime and the xattrs
 * {@link LayerXattrs} allows (file capabilities, {@code user.*}); OCI whiteouts
 * become overlayfs whiteouts. Paths are resolved by {@link LayerTree}, which refuses any route
 * out of the layer.
 */
final class LayerDirWriter {

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
            Path whiteout = writeWhiteout(names, last);
            if (whiteout != null) {
                // overlayfs ignores a whiteout's owner and time; kept so that archiving gives the entry back
                Libc.lchown(whiteout.toString(), (int) entry.getLongUserId(), (int) entry.getLongGroupId());
                setMtime(whiteout, entry.getLastModifiedTime());
            }
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
            LayerXattrs.apply(target, entry);
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
            Libc.lchown(target.toString(), (int) entry.getLongUserId(), (int) entry.getLongGroupId());
        } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            int type = entry.isCharacterDevice() ? Lstat.S_IFCHR : entry.isBlockDevice() ? Lstat.S_IFBLK : Lstat.S_IFIFO;
            Libc.mknod(target.toString(), type | 0600, Libc.makedev(entry.getDevMajor(), entry.getDevMinor()));
            setOwnerAndMode(target, entry);
        } else if (isRegularFile(entry)) {
            Files.copy(content, target); // CREATE_NEW: O_EXCL, never through a link
            setOwnerAndMode(target, entry);
            LayerXattrs.apply(target, entry);
        } else {
            throw new RefusedEntryException("unsupported entry type '" + (char) entry.getLinkFlag() + "'");
        }
        setMtime(target, entry.getLastModifiedTime());
    }

    /** Sets the directory mtimes recorded while extracting; call once after the last entry. */
    void finish() {
        for (DirectoryTime t : directoryTimes.reversed()) {
            setMtime(t.dir(), t.mtime());
        }
    }

    /** Converts an OCI whiteout entry; returns the overlay whiteout it created, if any. */
    private Path writeWhiteout(List<String> names, String last) throws IOException {
        if (last.equals(Whiteouts.OPAQUE_MARKER)) {
            Whiteouts.markOpaque(tree.parentOf(names));
            return null;
        }
        if (last.startsWith(Whiteouts.META_PREFIX)) {
            return null; // aufs bookkeeping, not content
        }
        String hidden = last.substring(Whiteouts.PREFIX.length());
        if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
            throw new RefusedEntryException("whiteout of '" + hidden + "' refused");
        }
        Path target = tree.parentOf(names).resolve(hidden);
        tree.clear(target, false);
        Whiteouts.createOverlayWhiteout(target);
        return target;
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

    // lchown first: chown(2) clears setuid/setgid, so the mode goes on after the owner. Never
    // through the JDK's attribute views: they open the file, which blocks on a FIFO and talks to
    // a device node's driver.
    private static void setOwnerAndMode(Path target, TarArchiveEntry entry) {
        Libc.lchown(target.toString(), (int) entry.getLongUserId(), (int) entry.getLongGroupId());
        Libc.chmod(target.toString(), entry.getMode() & 07777);
    }

    private static void setMtime(Path target, FileTime mtime) {
        Instant t = mtime.toInstant();
        Libc.setMtimeNoFollow(target.toString(), t.getEpochSecond(), t.getNano());
    }
}
