package io.sixcontainer.examples.cli;

import java.util.List;

/**
 * The training run of the CLI's start-up cache (JDK 25's AOT cache, JEP 483/514): the
 * {@code ./sixc} script runs this once after it builds the jar, with
 * {@code -XX:AOTCacheOutput}, so that every later {@code sixc} starts with the classes these
 * commands load already parsed and linked. Best effort: a command that fails here (no root,
 * no busybox) only leaves its classes out of the cache.
 *
 * <pre>
 * java -XX:AOTCacheOutput=sixc.aot -cp sixc.jar io.sixcontainer.examples.cli.AotTraining SCRATCH_ROOT
 * </pre>
 */
public final class AotTraining {

    private AotTraining() {
    }

    /** Runs the usual commands against the scratch runtime root {@code args[0]}. */
    public static void main(String[] args) {
        String root = args[0];
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<List<String>> commands = List.of(
                List.of("--help"),
                List.of("run", "--help"),
                List.of("--root", root, "run", "--rm", "-m", "64m", "busybox", "/bin/true"),
                List.of("--root", root, "ps", "-a"),
                List.of("--root", root, "ps", "-a", "--format", "json"),
                List.of("--root", root, "images"),
                // run put its container on the default bridge network: its bridge and nft table
                // are the host's and must not outlive the scratch root.
                List.of("--root", root, "network", "rm", "bridge"));
        for (List<String> command : commands) {
            try {
                Sixc.execute(command.toArray(String[]::new));
            } catch (RuntimeException e) {
                System.err.println("sixc: AOT training: " + String.join(" ", command) + ": " + e);
            }
        }
    }
}
