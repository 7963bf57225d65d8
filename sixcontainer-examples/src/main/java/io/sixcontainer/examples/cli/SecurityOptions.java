package io.sixcontainer.examples.cli;

import io.sixcontainer.Security;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** docker's confinement flags for {@code run}: --privileged, --cap-add/--cap-drop, seccomp, --ulimit, device rules. */
final class SecurityOptions {

    @Option(names = "--privileged", description = "All capabilities and devices, no seccomp filter, no masked paths, no no_new_privs.")
    boolean privileged;

    @Option(names = "--cap-add", paramLabel = "CAP", description = "Add a capability (e.g. NET_ADMIN, or ALL).")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--cap-drop", paramLabel = "CAP", description = "Drop a capability (e.g. CHOWN, or ALL).")
    List<String> capDrop = new ArrayList<>();

    @Option(names = "--security-opt", paramLabel = "OPT",
            description = "seccomp=unconfined, seccomp=PROFILE.json (Docker's format), or no-new-privileges=false.")
    List<String> securityOpts = new ArrayList<>();

    @Option(names = "--ulimit", paramLabel = "NAME=SOFT[:HARD]", description = "A resource limit, e.g. nofile=4096:8192.")
    List<String> ulimits = new ArrayList<>();

    @Option(names = "--device-cgroup-rule", paramLabel = "RULE",
            description = "Allow a device, e.g. 'c 10:229 rwm' (TYPE a|b|c, MAJOR:MINOR numbers or *, ACCESS of rwm).")
    List<String> deviceCgroupRules = new ArrayList<>();

    /** The confinement these flags ask for (Docker's defaults when none is given). */
    Security toSecurity() {
        Security.Builder b = privileged ? Security.privileged().toBuilder() : Security.builder();
        if (!capAdd.isEmpty()) {
            b.capAdd(capAdd.toArray(String[]::new));
        }
        if (!capDrop.isEmpty()) {
            b.capDrop(capDrop.toArray(String[]::new));
        }
        b.deviceCgroupRule(deviceCgroupRules.toArray(String[]::new));
        for (String opt : securityOpts) {
            if (opt.equals("seccomp=unconfined")) {
                b.seccompUnconfined();
            } else if (opt.startsWith("seccomp=")) {
                b.seccompProfile(read(Path.of(opt.substring(8))));
            } else if (opt.equals("no-new-privileges=false")) {
                b.noNewPrivileges(false);
            } else if (opt.equals("no-new-privileges") || opt.equals("no-new-privileges=true")) {
                b.noNewPrivileges(true);
            } else {
                throw new IllegalArgumentException("unsupported --security-opt '" + opt + "'");
            }
        }
        for (String u : ulimits) {
            String[] kv = u.split("=", 2);
            String[] limits = kv.length == 2 ? kv[1].split(":", 2) : new String[0];
            try {
                long soft = Long.parseLong(limits[0]);
                b.rlimit(kv[0], soft, limits.length == 2 ? Long.parseLong(limits[1]) : soft);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid --ulimit '" + u + "': use NAME=SOFT[:HARD], e.g. nofile=1024:2048");
            }
        }
        return b.build();
    }

    private static String read(Path profile) {
        try {
            return Files.readString(profile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seccomp profile " + profile + ": " + e.getMessage(), e);
        }
    }
}
