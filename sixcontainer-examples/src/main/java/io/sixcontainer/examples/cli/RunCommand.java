package io.sixcontainer.examples.cli;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.Namespace;
import io.sixcontainer.ContainerRuntime;
import io.sixcontainer.Stdio;
import io.sixcontainer.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sixc run}: run a command in a new container, attached, and exit with its code. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a command in a new container and exit with its exit code.",
                "IMAGE is a stored image, or one to pull (alpine, postgres:16, ghcr.io/org/app:1);",
                "when the first word is not an image (sh, /bin/ls), the built-in busybox runs it."},
        footer = {"", "Examples:",
                "  sixc run busybox echo hello",
                "  sixc run --rm localhost:5000/team/app:1   # pulled first when missing",
                "  sixc run -ti busybox sh                  # an interactive shell on a terminal",
                "  sixc run -ti /bin/sh                      # the same: busybox when no image is named",
                "  echo data | sixc run -i busybox wc -c     # stdin as a plain pipe",
                "  sixc run --read-only --tmpfs /tmp:size=16m busybox sh -c 'touch /tmp/ok'",
                "  sixc run --network host busybox ip addr",
                "  sixc run -d -p 8080:80 busybox httpd -f -p 80   # reachable at localhost:8080",
                "  sixc run -d -P myweb:1                    # every port the image exposes, at free host ports",
                "  sixc network create app; sixc run -d --network app --name db --network-alias primary busybox sleep 1d",
                "  sixc run -e HOME -e GREETING=hi --env-file ./app.env busybox env",
                "  sixc run --hostname box -w /tmp busybox sh -c 'hostname; pwd'",
                "  sixc run -m 100m --cpus 0.5 --pids-limit 50 busybox sh",
                "  sixc run -d --name web busybox httpd -f -p 8080",
                "  sixc run -v ./data:/data -v /etc/ssl:/ssl:ro busybox ls /data /ssl",
                "  sixc run host make -C /src            # the host's own tools, its root read-only under a write layer",
                "  sixc run --cap-drop ALL --security-opt seccomp=unconfined busybox sh",
                "  sixc run --privileged busybox mount -t tmpfs t /mnt",
                "  sixc run -u nobody --group-add tty busybox id   # names from the image's /etc/passwd and /etc/group",
                "  sixc run --rootfs /srv/rootfs -- /bin/ls -l /"})
final class RunCommand implements Callable<Integer> {

    private static final String DEFAULT_IMAGE = "busybox";

    @ParentCommand
    Sixc top;

    @Spec
    CommandSpec command;

    @Option(names = "--rootfs", paramLabel = "DIR", description = "Use this directory as the root filesystem (instead of an image).")
    Path rootfs;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Container hostname.")
    String hostname;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY[=VALUE]",
            description = "Set an environment variable; a bare KEY takes this shell's value.")
    List<String> env = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Read KEY=VALUE or KEY lines from a file ('#' starts a comment line).")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR",
            description = "Working directory inside the container (default: the image's, else /).")
    String workdir;

    @Option(names = {"-v", "--volume"}, paramLabel = "HOST:CONTAINER[:ro|rw]",
            description = "Mount a host directory (created if missing; relative to the current directory).")
    List<String> volumes = new ArrayList<>();

    @Option(names = {"-i", "--interactive"}, description = "Keep stdin connected.")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-terminal.")
    boolean tty;

    @Option(names = {"-d", "--detach"}, description = "Run in the background and print the container id.")
    boolean detach;

    @Option(names = {"--name", "-name"}, paramLabel = "NAME", description = "A unique name for the container.")
    String name;

    @Mixin
    ResourceOptions limits = new ResourceOptions();

    @Mixin
    SecurityOptions confinement = new SecurityOptions();

    @Mixin
    UserOptions identity = new UserOptions();

    @Mixin
    ImageChoice images = new ImageChoice();

    @Option(names = "--rm", description = "Remove the container when it exits (attached containers always are).")
    boolean remove;

    @Option(names = "--read-only", description = "Mount the container's root filesystem read-only.")
    boolean readOnly;

    @Option(names = "--tmpfs", paramLabel = "PATH[:OPTIONS]",
            description = "Mount a tmpfs, e.g. /run:size=16m,mode=755 (default nosuid,nodev,noexec).")
    List<String> tmpfs = new ArrayList<>();

    @Mixin
    NetworkOptions net = new NetworkOptions();

    @Parameters(paramLabel = "[IMAGE] COMMAND [ARG...]",
            description = "The image, then the command and its arguments (default: sh).")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        if (interactive && tty && !TerminalSession.stdinIsTerminal()) {
            throw usage("the input device is not a TTY (drop -t to pipe stdin)");
        }
        if (detach && (tty || interactive)) {
            throw usage("-d cannot be combined with -t or -i: a detached container's output goes to its log");
        }
        ContainerSpec.Builder spec = ContainerSpec.builder()
                .workingDir(workdir)
                .hostname(hostname)
                .namespaces(namespaces())
                .stdin(interactive && !tty ? Stdio.inherit() : Stdio.discard())
                .tty(tty)
                .readOnlyRootfs(readOnly)
                .name(name)
                .detached(detach)
                .autoRemove(remove)
                .resources(limits.toResources());
        try {
            spec.env(EnvSettings.resolve(envFiles, env, System::getenv));
            spec.security(confinement.toSecurity());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        try {
            volumes.forEach(v -> spec.volume(Volume.parse(v)));
            spec.user(identity.toUser());
            net.applyTo(spec);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        } catch (InvalidSpecException e) {
            throw usage(e.getMessage());
        }
        for (String t : tmpfs) {
            int colon = t.indexOf(':');
            spec.tmpfs(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
        }
        List<String> argv = new ArrayList<>(words);
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root(), Registries.options(images.insecure))) {
            if (rootfs != null) {
                spec.rootfs(rootfs);
            } else if (!argv.isEmpty() && images.isImage(runtime, argv.getFirst())) {
                String image = argv.removeFirst();
                images.pullIfWanted(runtime, image);
                spec.image(image).pullPolicy(io.sixcontainer.PullPolicy.NEVER);
                net.publishExposed(spec, runtime.image(image).orElseThrow().exposedPorts());
            } else {
                // The seed's spelling: no image named, busybox runs the command.
                spec.image(DEFAULT_IMAGE);
            }
            if (rootfs != null && argv.isEmpty()) {
                argv.add("sh");
            }
            spec.command(argv);
            if (detach) {
                System.out.println(runtime.launch(spec.build()).id());
                return 0;
            }
            try (SignalProxy proxy = SignalProxy.install(); Container c = runtime.launch(spec.build())) {
                proxy.attach(c);
                if (!tty) {
                    return c.waitFor().shellCode();
                }
                try (TerminalSession session = TerminalSession.attach(TtyTarget.of(c), interactive)) {
                    return session.waitFor();
                }
            }
        }
    }

    private EnumSet<Namespace> namespaces() {
        EnumSet<Namespace> all = EnumSet.allOf(Namespace.class);
        if (net.host()) {
            all.remove(Namespace.NET);
        }
        return all;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(command.commandLine(), message);
    }
}
