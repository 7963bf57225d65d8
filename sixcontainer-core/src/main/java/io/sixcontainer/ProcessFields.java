package io.sixcontainer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The process setters every builder shares: {@link ProcessSpec.Builder} holds nothing else,
 * {@link ContainerSpec.Builder} and {@link ExecSpec.Builder} add their own fields. One copy
 * of each setter, so the three cannot drift apart.
 *
 * @param <B> the builder type each setter returns
 */
abstract class ProcessFields<B extends ProcessFields<B>> {

    List<String> command = List.of();
    final Map<String, String> env = new LinkedHashMap<>();
    String workingDir;
    User user;
    Stdio stdin = Stdio.discard();
    Stdio stdout = Stdio.inherit();
    Stdio stderr = Stdio.inherit();
    boolean tty;

    ProcessFields() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The spec of these fields, validated. */
    final ProcessSpec buildProcess() {
        return ProcessSpec.of(this);
    }

    /**
     * Sets every process field (command, environment, working directory, user, stdio,
     * terminal) from {@code process}, replacing what was set before.
     */
    public B process(ProcessSpec process) {
        command = process.command();
        env.clear();
        env.putAll(process.env());
        workingDir = process.workingDir();
        user = process.user();
        stdin = process.stdin();
        stdout = process.stdout();
        stderr = process.stderr();
        tty = process.tty();
        return self();
    }

    /**
     * The command and its arguments, each element one argv entry (never split on spaces).
     * Required, except for a container whose image names a command.
     */
    public B command(String... argv) {
        return command(List.of(argv));
    }

    /** The command and its arguments, each element one argv entry; see {@link #command(String...)}. */
    public B command(List<String> argv) {
        this.command = List.copyOf(argv);
        return self();
    }

    /** Sets one environment variable (for an exec: adds it to, or replaces it in, the container's environment). */
    public B env(String key, String value) {
        env.put(Objects.requireNonNull(key, "env key"), Objects.requireNonNull(value, "env value of " + key));
        return self();
    }

    /** Sets every variable of {@code vars}, as {@link #env(String, String)} does. */
    public B env(Map<String, String> vars) {
        vars.forEach(this::env);
        return self();
    }

    /** Removes every variable set so far. */
    public B clearEnv() {
        env.clear();
        return self();
    }

    /**
     * The working directory (absolute); default for a container: its image's, else {@code /};
     * for an exec: the container's.
     */
    public B workingDir(String dir) {
        this.workingDir = dir;
        return self();
    }

    /**
     * Who the command runs as (names are looked up in the container's own {@code /etc/passwd}
     * and {@code /etc/group} when it starts); default for a container: its image's user, else
     * {@link User#root()}; for an exec: the container's. Any other user than root holds
     * capabilities only in its bounding set.
     */
    public B user(User user) {
        this.user = user;
        return self();
    }

    /**
     * Runs the command as exactly {@code uid}, {@code gid} and {@code supplementaryGroups}
     * (none: the supplementary groups are cleared).
     *
     * @throws InvalidSpecException naming a negative id, or too many groups
     */
    public B user(int uid, int gid, int... supplementaryGroups) {
        return user(User.of(uid, gid, supplementaryGroups));
    }

    /** Where stdin comes from; default {@link Stdio#discard()}. */
    public B stdin(Stdio stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        return self();
    }

    /** Where stdout goes; default {@link Stdio#inherit()}. */
    public B stdout(Stdio stdout) {
        this.stdout = Objects.requireNonNull(stdout, "stdout");
        return self();
    }

    /** Where stderr goes; default {@link Stdio#inherit()}. */
    public B stderr(Stdio stderr) {
        this.stderr = Objects.requireNonNull(stderr, "stderr");
        return self();
    }

    /**
     * Gives the command a pseudo-terminal (default: none). Its stdin, stdout and stderr are
     * then the terminal, which is also its controlling terminal, whatever {@link #stdin},
     * {@link #stdout} and {@link #stderr} say: {@link Container#stdin()} (or
     * {@link ExecProcess#stdin()}) writes to it, {@link Container#stdout()} (or
     * {@link ExecProcess#stdout()}) reads everything it prints, stderr included;
     * {@link Container#resizeTty} sets a container's size.
     */
    public B tty(boolean tty) {
        this.tty = tty;
        return self();
    }
}
