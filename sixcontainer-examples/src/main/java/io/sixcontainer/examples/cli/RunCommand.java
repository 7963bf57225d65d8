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
                "  sixc run --rootfs /srv/rootfs -- /bin/ls -l /",
                "  sixc run -d --name web busybox httpd -f -p 8080"})
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

    @Option(names = {"-d", "--detach"}, description = "Run in the background and print the container id.")
    boolean detach;

    @Option(names = {"--name", "-name"}, paramLabel = "NAME", description = "A unique name for the container.")
    String name;

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
                    .name(name)
                    .detached(detach)
                    .resources(limits.toResources())
                    .stdin(interactive && !detach ? Stdio.inherit() : Stdio.discard());
            spec.env(EnvArgs.parse(env));
            if (detach) {
                System.out.println(runtime.launch(spec.build()).id());
                return 0;
            }
            try (Container c = runtime.launch(spec.build())) {
                return c.waitFor().shellCode();
            }
        }
    }
}
