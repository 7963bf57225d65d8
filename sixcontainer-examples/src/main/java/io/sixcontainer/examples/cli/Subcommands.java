package io.sixcontainer.examples.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The subcommands of {@code sixc}, added to the command line only when needed. picocli
 * builds its model of a command by reflection over every option of every subcommand it
 * knows, and instantiates each; for one {@code sixc ps} that was most of picocli's share of
 * the start. So a call that names a subcommand gets only that one; anything else (no
 * subcommand, a misspelt one, {@code --help}) gets all of them, for the help listing and
 * picocli's suggestions.
 */
final class Subcommands {

    // In the order `sixc --help` lists them.
    private static final Map<String, Class<?>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("run", RunCommand.class);
        ALL.put("ps", PsCommand.class);
        ALL.put("logs", LogsCommand.class);
        ALL.put("stop", StopCommand.class);
        ALL.put("kill", KillCommand.class);
        ALL.put("rm", RmCommand.class);
        ALL.put("wait", WaitCommand.class);
        ALL.put("inspect", InspectCommand.class);
        ALL.put("exec", ExecCommand.class);
        ALL.put("images", ImagesCommand.class);
        ALL.put("rmi", RmiCommand.class);
        ALL.put("tag", TagCommand.class);
        ALL.put("commit", CommitCommand.class);
        ALL.put("import", ImportCommand.class);
        ALL.put("pull", PullCommand.class);
        ALL.put("export", ExportCommand.class);
        ALL.put("network", NetworkCommand.class);
        ALL.put("port", PortCommand.class);
    }

    private Subcommands() {
    }

    /** Adds to {@code cl} the subcommand {@code args} names, or all of them. */
    static void addTo(CommandLine cl, List<String> args) {
        String named = named(args);
        if (named != null) {
            cl.addSubcommand(named, ALL.get(named));
            return;
        }
        ALL.forEach(cl::addSubcommand);
    }

    /** The known subcommand the top-level words of {@code args} name, or null. */
    static String named(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--root")) {
                i++; // its value
            } else if (a.equals("--")) {
                return null;
            } else if (!a.startsWith("-")) {
                return ALL.containsKey(a) ? a : null;
            }
        }
        return null;
    }
}
