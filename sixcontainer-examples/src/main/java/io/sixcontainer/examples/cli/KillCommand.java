package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerRuntime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc kill}: send a signal to containers' PID 1. */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Send a signal (default KILL) to containers.",
        footer = {"", "Examples:", "  sixc kill web", "  sixc kill -s HUP web", "  sixc kill -s 15 web"})
final class KillCommand implements Callable<Integer> {

    private static final Map<String, Integer> SIGNALS = Map.ofEntries(Map.entry("HUP", 1), Map.entry("INT", 2),
            Map.entry("QUIT", 3), Map.entry("KILL", 9), Map.entry("USR1", 10), Map.entry("USR2", 12),
            Map.entry("TERM", 15), Map.entry("CONT", 18), Map.entry("STOP", 19), Map.entry("WINCH", 28));

    @ParentCommand
    Sixc top;

    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "Name (TERM, SIGTERM) or number.")
    String signal = "KILL";

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() {
        int sig = parse(signal);
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root())) {
            for (String key : containers) {
                ContainerRef.require(runtime, key).kill(sig);
                System.out.println(key);
            }
        }
        return 0;
    }

    static int parse(String s) {
        String name = s.toUpperCase(Locale.ROOT);
        name = name.startsWith("SIG") ? name.substring(3) : name;
        if (SIGNALS.containsKey(name)) {
            return SIGNALS.get(name);
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 64) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid signal '" + s + "': use a name like TERM or a number 1-64");
    }
}
