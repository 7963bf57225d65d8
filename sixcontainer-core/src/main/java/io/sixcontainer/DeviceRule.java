package io.sixcontainer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One allowed device access, in the kernel's {@code devices.allow} format
 * ({@code c 1:3 rwm}): type {@code c} (character), {@code b} (block) or {@code a} (both);
 * major and minor numbers or {@code *}; access of {@code r} (read), {@code w} (write) and
 * {@code m} (mknod). Everything no rule allows is denied. {@link Security.Builder#build()}
 * checks {@link Security#deviceCgroupRules()} with {@link #parse}; the cgroup is set up from
 * the same parsed form (the v1 {@code devices.allow} lines, the v2 device program).
 *
 * @param type   {@code 'a'}, {@code 'b'} or {@code 'c'}
 * @param major  the major number, or {@link #ANY}
 * @param minor  the minor number, or {@link #ANY}
 * @param access a mask of {@link #READ}, {@link #WRITE} and {@link #MKNOD}
 */
public record DeviceRule(char type, int major, int minor, int access) {

    /** A wildcard major or minor number ({@code *}). */
    public static final int ANY = -1;
    /** Making the node with mknod(2); the bits are the kernel's BPF_DEVCG_ACC_* values. */
    public static final int MKNOD = 1;
    /** Opening for reading. */
    public static final int READ = 2;
    /** Opening for writing. */
    public static final int WRITE = 4;
    /** Every access. */
    public static final int ALL_ACCESS = READ | WRITE | MKNOD;

    // dev_t holds a 12-bit major and a 20-bit minor.
    private static final int MAX_MAJOR = (1 << 12) - 1;
    private static final int MAX_MINOR = (1 << 20) - 1;
    private static final Pattern FORMAT = Pattern.compile("([abc]) (\\d{1,7}|\\*):(\\d{1,7}|\\*) ([rwm]{1,3})");

    /**
     * Docker's default list: mknod of any character or block device, and read, write and
     * mknod of null, zero, full, random, urandom, tty, console, ptmx, the pty slaves and
     * tun (moby's default spec plus the rules runc appends to every container).
     */
    public static final List<String> DOCKER_DEFAULT = List.of("c *:* m", "b *:* m", "c 1:3 rwm", "c 1:5 rwm",
            "c 1:7 rwm", "c 1:8 rwm", "c 1:9 rwm", "c 5:0 rwm", "c 5:1 rwm", "c 5:2 rwm", "c 136:* rwm",
            "c 10:200 rwm");

    /** Every device, every access: what a privileged container gets. */
    public static final String ALLOW_ALL = "a *:* rwm";

    /**
     * Parses one rule.
     *
     * @throws InvalidSpecException naming the rule when it is not in the format above
     */
    public static DeviceRule parse(String rule) {
        Matcher m = FORMAT.matcher(rule == null ? "" : rule);
        if (!m.matches()) {
            throw new InvalidSpecException("device cgroup rule '" + rule + "' is not 'TYPE MAJOR:MINOR ACCESS'"
                    + " (TYPE a, b or c; MAJOR and MINOR a number or *; ACCESS of r, w and m), e.g. 'c 10:229 rwm'");
        }
        int access = 0;
        for (char c : m.group(4).toCharArray()) {
            int bit = c == 'r' ? READ : c == 'w' ? WRITE : MKNOD;
            if ((access & bit) != 0) {
                throw new InvalidSpecException("device cgroup rule '" + rule + "' names access '" + c + "' twice");
            }
            access |= bit;
        }
        return new DeviceRule(m.group(1).charAt(0), number(rule, m.group(2), MAX_MAJOR),
                number(rule, m.group(3), MAX_MINOR), access);
    }

    /** Parses every rule; see {@link #parse}. */
    public static List<DeviceRule> parseAll(List<String> rules) {
        return rules.stream().map(DeviceRule::parse).toList();
    }

    /** True when some rule allows every access to every device (then nothing is restricted). */
    public static boolean allowsAll(List<DeviceRule> rules) {
        return rules.stream().anyMatch(r -> r.type == 'a' && r.major == ANY && r.minor == ANY && r.access == ALL_ACCESS);
    }

    private static int number(String rule, String text, int max) {
        if (text.equals("*")) {
            return ANY;
        }
        int n = Integer.parseInt(text);
        if (n > max) {
            throw new InvalidSpecException("device cgroup rule '" + rule + "': " + n + " is above " + max
                    + ", the largest " + (max == MAX_MAJOR ? "major" : "minor") + " number");
        }
        return n;
    }

    /** The rule in {@code devices.allow} format, e.g. {@code c 136:* rwm}. */
    @Override
    public String toString() {
        StringBuilder access = new StringBuilder();
        if ((this.access & READ) != 0) {
            access.append('r');
        }
        if ((this.access & WRITE) != 0) {
            access.append('w');
        }
        if ((this.access & MKNOD) != 0) {
            access.append('m');
        }
        return type + " " + (major == ANY ? "*" : major) + ":" + (minor == ANY ? "*" : minor) + " " + access;
    }
}
