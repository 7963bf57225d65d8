package io.sixcontainer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a container's command, or an exec'd command, runs as: a user, its group and its
 * supplementary groups. Numbers are used as given. Names are looked up when the process
 * starts, inside the container, in the container's own {@code /etc/passwd} and
 * {@code /etc/group} (never the host's), with Docker's rules:
 * <ul>
 * <li>without a group, the group is the one of the user's {@code /etc/passwd} entry (0 for a
 * uid without an entry), and the supplementary groups are every group of {@code /etc/group}
 * that lists the user's name;</li>
 * <li>with a group, there are no supplementary groups but the ones added;</li>
 * <li>an unknown user or group name fails the launch (or the exec) with a
 * {@link LaunchException} of step {@code user}.</li>
 * </ul>
 *
 * <pre>{@code
 * User.of(1000, 1000, 27, 100);            // exactly these numbers, nothing looked up
 * User.parse("www-data");                   // docker run -u www-data
 * User.parse("1000:staff").withGroups("audio", "44");  // -u 1000:staff --group-add audio --group-add 44
 * }</pre>
 */
public final class User {

    /** The most supplementary groups a user may be given. */
    public static final int MAX_GROUPS = 256;
    /** The largest uid or gid (as in runc). */
    public static final int MAX_ID = Integer.MAX_VALUE;

    private static final int MAX_NAME_BYTES = 255;
    private static final User ROOT = new User("0", "0", List.of());

    private final String user;
    private final String group;
    private final List<String> groups;

    private User(String user, String group, List<String> groups) {
        this.user = user;
        this.group = group;
        this.groups = List.copyOf(groups);
    }

    /** uid 0, gid 0 and no supplementary groups: what a container runs as by default. */
    public static User root() {
        return ROOT;
    }

    /**
     * Exactly {@code uid}, {@code gid} and {@code supplementaryGroups}: nothing is looked up.
     *
     * @throws InvalidSpecException naming a negative id, or more than {@link #MAX_GROUPS} groups
     */
    public static User of(int uid, int gid, int... supplementaryGroups) {
        checkId("uid", uid);
        checkId("gid", gid);
        List<String> groups = new ArrayList<>();
        for (int g : supplementaryGroups) {
            checkId("supplementary gid", g);
            groups.add(Integer.toString(g));
        }
        checkCount(groups);
        return new User(Integer.toString(uid), Integer.toString(gid), groups);
    }

    /**
     * Docker's {@code --user}: {@code USER[:GROUP]}, each a name or a number.
     *
     * @throws InvalidSpecException naming the value if it is not of that form
     */
    public static User parse(String spec) {
        Objects.requireNonNull(spec, "user");
        int colon = spec.indexOf(':');
        String user = colon < 0 ? spec : spec.substring(0, colon);
        String group = colon < 0 ? null : spec.substring(colon + 1);
        checkName("user", user, spec);
        if (group != null) {
            checkName("group", group, spec);
        }
        return new User(user, group, List.of());
    }

    /**
     * This user with {@code names} added to its supplementary groups (Docker's
     * {@code --group-add}): each a group name of the container's {@code /etc/group} or a gid.
     *
     * @throws InvalidSpecException naming a bad name, or when there would be more than {@link #MAX_GROUPS}
     */
    public User withGroups(String... names) {
        List<String> all = new ArrayList<>(groups);
        for (String n : names) {
            checkName("group", Objects.requireNonNull(n, "group"), n);
            all.add(n);
        }
        checkCount(all);
        return new User(user, group, all);
    }

    /** The user: a name, or a decimal uid. */
    public String user() {
        return user;
    }

    /** The group: a name, or a decimal gid; empty for the user's own group. */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** The supplementary groups given (names or decimal gids), besides any looked up for the user. */
    public List<String> supplementaryGroups() {
        return groups;
    }

    /** Whether the user, group and supplementary groups are all numbers: nothing needs looking up. */
    public boolean numeric() {
        return group != null && isId(user) && isId(group) && groups.stream().allMatch(User::isId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User u && user.equals(u.user) && Objects.equals(group, u.group) && groups.equals(u.groups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, group, groups);
    }

    /** Docker's spelling: {@code USER[:GROUP]}, then {@code +GROUP} for each supplementary group. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(user);
        if (group != null) {
            s.append(':').append(group);
        }
        groups.forEach(g -> s.append('+').append(g));
        return s.toString();
    }

    private static boolean isId(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static void checkId(String what, int id) {
        if (id < 0) {
            throw new InvalidSpecException("invalid " + what + " " + id + ": ids are 0.." + MAX_ID);
        }
    }

    private static void checkCount(List<String> groups) {
        if (groups.size() > MAX_GROUPS) {
            throw new InvalidSpecException(groups.size() + " supplementary groups: at most " + MAX_GROUPS);
        }
    }

    // The container's files separate fields with ':' and entries with newlines: a name with
    // one could never match, and a NUL could not cross to the helper.
    private static void checkName(String what, String name, String spec) {
        if (name.isEmpty()) {
            throw new InvalidSpecException("invalid user '" + spec + "': the " + what + " is empty");
        }
        if (name.indexOf(':') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\0') >= 0) {
            throw new InvalidSpecException("invalid " + what + " '" + name + "' in '" + spec
                    + "': a name has no ':', newline or NUL");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new InvalidSpecException("invalid " + what + " in '" + spec + "': longer than "
                    + MAX_NAME_BYTES + " bytes");
        }
        if (isId(name) && (name.length() > 10 || Long.parseLong(name) > MAX_ID)) {
            throw new InvalidSpecException("invalid " + what + " id " + name + " in '" + spec + "': ids are 0.."
                    + MAX_ID);
        }
    }
}
