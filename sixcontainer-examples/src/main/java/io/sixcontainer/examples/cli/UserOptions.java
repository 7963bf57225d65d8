package io.sixcontainer.examples.cli;

import io.sixcontainer.User;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** docker's {@code -u/--user} and {@code --group-add}, for {@code run} and {@code exec}. */
final class UserOptions {

    @Option(names = {"-u", "--user"}, paramLabel = "USER[:GROUP]",
            description = "Run as this user: a name or uid, and a group name or gid (names are looked up in the"
                    + " container's /etc/passwd and /etc/group).")
    String user;

    @Option(names = "--group-add", paramLabel = "GROUP",
            description = "Add a supplementary group: a name of the container's /etc/group, or a gid.")
    List<String> groupAdd = new ArrayList<>();

    /**
     * The user these flags ask for, or null when they name none (run: root; exec: the
     * container's user).
     *
     * @throws io.sixcontainer.InvalidSpecException naming a malformed value
     */
    User toUser() {
        if (user == null && groupAdd.isEmpty()) {
            return null;
        }
        User u = user != null ? User.parse(user) : User.root();
        return groupAdd.isEmpty() ? u : u.withGroups(groupAdd.toArray(String[]::new));
    }
}
