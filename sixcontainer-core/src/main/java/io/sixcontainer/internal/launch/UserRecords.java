package io.sixcontainer.internal.launch;

import io.sixcontainer.User;
import java.util.List;

/**
 * A {@link User} in the protocol's terms: USER and GROUPS when every part is a number, else
 * USER_NAME and GROUP_NAME for the helper to look up in the container's own files.
 */
public final class UserRecords {

    private UserRecords() {
    }

    /** The encoded records, as {@link LaunchConfig#records} appends them (also kept for exec). */
    public static byte[] of(User u) {
        LaunchConfig c = new LaunchConfig();
        if (u.numeric()) {
            c.user(Integer.parseInt(u.user()), Integer.parseInt(u.group().orElseThrow()));
            List<Integer> gids = u.supplementaryGroups().stream().map(Integer::valueOf).toList();
            if (!gids.isEmpty()) {
                c.groups(gids);
            }
        } else {
            c.userName(u.user(), u.group().orElse(null));
            u.supplementaryGroups().forEach(c::groupName);
        }
        return c.payload();
    }
}
