package io.sixcontainer.examples.cli;

import io.sixcontainer.ExecProcess;
import io.sixcontainer.ExecSpec;
import io.sixcontainer.ContainerRuntime;
import io.sixcontainer.Stdio;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc exec}: run a command in a running container and exit with its code. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Run a command inside a running container; exit with its exit code.",
        footer = {"", "Examples:", "  sixc exec web ps", "  sixc exec -it web sh", "  sixc exec -e DEBUG=1 -w /tmp web env",
                "  sixc exec -u 65534:65534 web id",
                "  sixc exec -u nobody web id          # a name of the container's /etc/passwd"})
final class ExecCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Option(names = {"-i", "--interactive"}, description = "Keep stdin connected.")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-terminal.")
    boolean tty;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Set an environment variable (-e KEY takes the caller's).")
    List<String> env = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container.")
    String workdir;

    @picocli.CommandLine.Mixin
    UserOptions identity = new UserOptions();

    @Parameters(index = "0", paramLabel = "CONTAINER", description = "Name, id or id prefix.")
    String container;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command;

    @Override
    public Integer call() {
        if (interactive && tty && !TerminalSession.stdinIsTerminal()) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "the input device is not a TTY (drop -t to pipe stdin)");
        }
        ExecSpec.Builder spec = ExecSpec.builder().command(command).workingDir(workdir).tty(tty)
                .stdin(interactive && !tty ? Stdio.inherit() : Stdio.discard());
        spec.env(EnvSettings.resolve(List.of(), env, System::getenv));
        try {
            spec.user(identity.toUser());
        } catch (io.sixcontainer.InvalidSpecException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), e.getMessage());
        }
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root());
             ExecProcess p = ContainerRef.require(runtime, container).exec(spec.build())) {
            if (!tty) {
                return p.waitFor().shellCode();
            }
            try (TerminalSession session = TerminalSession.attach(TtyTarget.of(p), interactive)) {
                return session.waitFor();
            }
        }
    }
}
