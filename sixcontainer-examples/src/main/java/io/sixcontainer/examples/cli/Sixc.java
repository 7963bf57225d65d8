package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerException;
import io.sixcontainer.LaunchException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sixc}: a docker-like command line on the sixcontainer library (subcommands: {@link Subcommands}). */
@Command(name = "sixc", mixinStandardHelpOptions = true, versionProvider = Sixc.Version.class,
        description = "Run Linux containers with no daemon.")
public final class Sixc {

    /** Exit code for a failure of sixc itself (docker's convention). */
    static final int EXIT_SIXC_ERROR = 125;
    /** Exit code when the command exists but cannot be executed. */
    static final int EXIT_NOT_EXECUTABLE = 126;
    /** Exit code when the command is not found. */
    static final int EXIT_NOT_FOUND = 127;

    @Option(names = "--root", paramLabel = "DIR",
            description = "ContainerRuntime root (default: $SIXCONTAINER_ROOT or /var/lib/sixcontainer).")
    Path root;

    @Option(names = "--debug", description = "Show stack traces and debug logging.")
    boolean debug;

    Path root() {
        if (root != null) {
            return root;
        }
        String env = System.getenv("SIXCONTAINER_ROOT");
        return env != null && !env.isBlank() ? Path.of(env) : io.sixcontainer.ContainerRuntime.DEFAULT_ROOT;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--debug")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        } else {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code. */
    static int execute(String... args) {
        Sixc top = new Sixc();
        CommandLine cl = new CommandLine(top);
        Subcommands.addTo(cl, java.util.Arrays.asList(args));
        cl.setStopAtPositional(true);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (top.debug) {
                e.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("sixc: " + oneLine(e));
            }
            if (e instanceof LaunchException le && le.commandNotFound()) {
                return EXIT_NOT_FOUND;
            }
            if (e instanceof LaunchException le && le.commandNotExecutable()) {
                return EXIT_NOT_EXECUTABLE;
            }
            return EXIT_SIXC_ERROR;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("sixc: " + e.getMessage());
            e.getCommandLine().getErr().println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_SIXC_ERROR;
        });
        return cl.execute(args);
    }

    private static String oneLine(Throwable e) {
        String m = e instanceof ContainerException || e.getMessage() != null ? e.getMessage() : e.toString();
        return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
    }

    /** Reports the library version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Sixc.class.getPackage().getImplementationVersion();
            return new String[] {"sixc " + (v == null ? "development" : v)};
        }
    }
}
