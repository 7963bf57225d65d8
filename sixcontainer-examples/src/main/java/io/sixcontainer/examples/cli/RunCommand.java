package io.sixcontainer.examples.cli;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.Runtime;
import io.sixcontainer.Stdio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc run}: run a command in a new container, attached, and exit with its code. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a command in a new container and exit with its exit code.",
        footer = {"", "Examples:",
                "  sixc run busybox echo hello",
                "  sixc run --hostname box busybox sh -c 'hostname; ps'",
                "  sixc run -m 100m --cpus 0.5 --pids-limit 50 busybox sh",
                "  sixc run --rootfs /srv/rootfs -- /bin/ls -l /"})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Option(names = "--rootfs", paramLabel = "DIR", description = "Use this directory as the root filesystem.")
    Path rootfs;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Container hostname.")
    String hostname;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Set an environment variable.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container.")
    String workdir = "/";

    @Option(names = {"-i", "--interactive"}, description = "Keep stdin connected.")
    boolean interactive;

    @Mixin
    ResourceOptions limits = new ResourceOptions();

    @Parameters(paramLabel = "[IMAGE] COMMAND [ARG...]",
            description = "'busybox' (unless --rootfs is given), then the command and its arguments.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> command = new ArrayList<>(words);
        try (Runtime runtime = Runtime.open(top.root())) {
            Path root = rootfs;
            if (root == null) {
                if (command.isEmpty() || !command.getFirst().equals("busybox")) {
                    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                            "name the image 'busybox' or give --rootfs DIR");
                }
                command.removeFirst();
                root = runtime.busyboxRootfs();
            }
            if (command.isEmpty()) {
                command.add("sh");
            }
            ContainerSpec.Builder spec = ContainerSpec.builder()
                    .rootfs(root)
                    .command(command)
                    .workingDir(workdir)
                    .hostname(hostname)
                    .resources(limits.toResources())
                    .stdin(interactive ? Stdio.inherit() : Stdio.discard());
            for (String kv : env) {
                int eq = kv.indexOf('=');
                if (eq < 0) {
                    String v = System.getenv(kv);
                    if (v != null) {
                        spec.env(kv, v);
                    }
                } else {
                    spec.env(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            try (Container c = runtime.launch(spec.build())) {
                return c.waitFor().shellCode();
            }
        }
    }
}
