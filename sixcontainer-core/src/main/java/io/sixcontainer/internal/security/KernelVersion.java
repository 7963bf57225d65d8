package io.sixcontainer.internal.security;

import io.sixcontainer.InvalidSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel's major.minor version, for a seccomp rule's {@code minKernel} and kernel features. */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+).*");

    /** True when the running kernel is {@code major.minor} or newer. */
    public static boolean runningAtLeast(int major, int minor) {
        return running().compareTo(new KernelVersion(major, minor)) >= 0;
    }

    static KernelVersion running() {
        try {
            String release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
            return parse(release, "/proc/sys/kernel/osrelease");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KernelVersion parse(String text, String where) {
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            throw new InvalidSpecException(where + ": '" + text + "' is not a kernel version like 4.8");
        }
        return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public int compareTo(KernelVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }
}
