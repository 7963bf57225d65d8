package io.sixcontainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tmpfs mount of a container ({@link ContainerSpec.Builder#tmpfs}) parsed from its options
 * as in {@code docker run --tmpfs TARGET[:OPTIONS]}: the mount flags, and the tmpfs options
 * passed to the kernel. Docker's default is {@code nosuid,nodev,noexec}. Public so that the
 * launch builds its mount from the same parse that {@link ContainerSpec.Builder#build()} checks.
 *
 * @param target   the absolute mount point inside the container
 * @param readOnly whether the tmpfs is mounted read-only ({@code ro})
 * @param noSuid   whether set-user-id bits are ignored ({@code nosuid}, the default)
 * @param noDev    whether device nodes cannot be opened ({@code nodev}, the default)
 * @param noExec   whether nothing can be executed from it ({@code noexec}, the default)
 * @param data     the tmpfs options passed to the kernel, comma-separated (e.g. {@code size=64m,mode=1777})
 */
public record TmpfsMount(String target, boolean readOnly, boolean noSuid, boolean noDev, boolean noExec, String data) {

    private static final Set<String> KEYS = Set.of("size", "nr_blocks", "nr_inodes", "mode", "uid", "gid", "huge", "mpol");
    private static final Set<String> WORDS = Set.of("inode32", "inode64", "noswap");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:%+-]{1,64}");
    private static final int MAX_TARGET = 4096;

    /**
     * Parses one tmpfs mount: {@code options} is a comma-separated list of the flags
     * {@code ro rw nosuid suid nodev dev noexec exec} and the tmpfs options {@code size=},
     * {@code nr_blocks=}, {@code nr_inodes=}, {@code mode=}, {@code uid=}, {@code gid=},
     * {@code huge=}, {@code mpol=}, {@code inode32}, {@code inode64}, {@code noswap}; empty for the defaults.
     *
     * @throws InvalidSpecException naming the bad target or option
     */
    public static TmpfsMount parse(String target, String options) {
        checkTarget(target);
        boolean ro = false;
        boolean nosuid = true;
        boolean nodev = true;
        boolean noexec = true;
        List<String> data = new ArrayList<>();
        for (String option : options.isEmpty() ? new String[0] : options.split(",", -1)) {
            switch (option) {
                case "ro", "rw" -> ro = option.equals("ro");
                case "nosuid", "suid" -> nosuid = option.equals("nosuid");
                case "nodev", "dev" -> nodev = option.equals("nodev");
                case "noexec", "exec" -> noexec = option.equals("noexec");
                default -> data.add(checkData(target, option));
            }
        }
        return new TmpfsMount(target, ro, nosuid, nodev, noexec, String.join(",", data));
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
