package io.sixcontainer.internal.launch;

import static io.sixcontainer.ffi.libc.sys_mount_h.MS_NODEV;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_NOEXEC;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_NOSUID;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_RDONLY;

import io.sixcontainer.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code --tmpfs TARGET[:OPTIONS]} mount checked and split into mount flags and tmpfs
 * data, with docker's default of {@code nosuid,nodev,noexec}.
 *
 * @param target the absolute mount point inside the container
 * @param flags  the {@code MS_*} flags
 * @param data   the tmpfs options passed to the kernel, comma-separated
 */
public record TmpfsOptions(String target, long flags, String data) {

    private static final Set<String> KEYS = Set.of("size", "nr_blocks", "nr_inodes", "mode", "uid", "gid", "huge", "mpol");
    private static final Set<String> WORDS = Set.of("inode32", "inode64", "noswap");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:%+-]{1,64}");
    private static final int MAX_TARGET = 4096;

    /**
     * Parses one tmpfs mount.
     *
     * @throws InvalidSpecException naming the bad target or option
     */
    public static TmpfsOptions parse(String target, String options) {
        checkTarget(target);
        long flags = MS_NOSUID() | MS_NODEV() | MS_NOEXEC();
        List<String> data = new ArrayList<>();
        for (String option : options.isEmpty() ? new String[0] : options.split(",", -1)) {
            switch (option) {
                case "ro" -> flags |= MS_RDONLY();
                case "rw" -> flags &= ~MS_RDONLY();
                case "nosuid" -> flags |= MS_NOSUID();
                case "suid" -> flags &= ~MS_NOSUID();
                case "nodev" -> flags |= MS_NODEV();
                case "dev" -> flags &= ~MS_NODEV();
                case "noexec" -> flags |= MS_NOEXEC();
                case "exec" -> flags &= ~MS_NOEXEC();
                default -> data.add(checkData(target, option));
            }
        }
        return new TmpfsOptions(target, flags, String.join(",", data));
    }

    private static void checkTarget(String target) {
        if (!target.startsWith("/") || target.equals("/") || target.length() > MAX_TARGET || target.indexOf('\0') >= 0) {
            throw new InvalidSpecException("tmpfs target must be an absolute path other than '/': '" + target + "'");
        }
        for (String part : target.substring(1).split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                throw new InvalidSpecException("tmpfs target must not contain '.' or '..': '" + target + "'");
            }
        }
    }

    private static String checkData(String target, String option) {
        int eq = option.indexOf('=');
        boolean ok = eq < 0 ? WORDS.contains(option)
                : KEYS.contains(option.substring(0, eq)) && VALUE.matcher(option.substring(eq + 1)).matches();
        if (!ok) {
            throw new InvalidSpecException("tmpfs " + target + ": unknown option '" + option
                    + "' (flags: ro rw nosuid suid nodev dev noexec exec; options: size= mode= uid= gid= nr_inodes= ...)");
        }
        return option;
    }
}
