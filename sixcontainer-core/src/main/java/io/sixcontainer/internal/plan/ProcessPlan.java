package io.sixcontainer.internal.plan;

import io.sixcontainer.User;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container's command as it runs, with every default applied (the image's entrypoint,
 * command, environment, working directory and user; {@code PATH} and {@code HOME}).
 * Exec'd commands start from its environment, working directory and user.
 *
 * @param args       argv
 * @param env        the whole environment, in order
 * @param workingDir where it starts (absolute, inside the container)
 * @param user       who it runs as, or null for root
 * @param tty        whether it has a terminal of its own
 * @param stdio      what its stdin, stdout and stderr are ({@link io.sixcontainer.Stdio.Kind} names), for inspect
 */
public record ProcessPlan(List<String> args, Map<String, String> env, String workingDir, User user, boolean tty,
                          List<String> stdio) {
    public ProcessPlan {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        stdio = List.copyOf(stdio);
    }
}
