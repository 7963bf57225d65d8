package io.sixcontainer;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The rules {@link ProcessSpec} enforces when built (the helper's limits on argv, environment
 * and working directory, and an existing stdin file); {@link ContainerSpec} and
 * {@link ExecSpec} add whether a command is required.
 */
final class ProcessChecks {

    static final int MAX_ARGS = 4096;
    static final int MAX_ENV = 4096;

    private ProcessChecks() {
    }

    /** Checks every field of {@code p}; an empty command is left to the owner to refuse or default. */
    static void process(ProcessSpec p) {
        if (!p.command().isEmpty()) {
            command(p.command());
        }
        env(p.env());
        if (p.workingDir() != null) {
            workingDir(p.workingDir());
        }
        stdinFile(p.stdin());
    }

    /** A container without an image, and an exec, must name a command. */
    static void requireCommand(ProcessSpec p) {
        if (p.command().isEmpty()) {
            throw new InvalidSpecException("command is required");
        }
    }

    private static void command(List<String> command) {
        if (command.size() > MAX_ARGS) {
            throw new InvalidSpecException("command has " + command.size() + " arguments; at most " + MAX_ARGS);
        }
        if (command.getFirst().isEmpty()) {
            throw new InvalidSpecException("command: the program name is empty");
        }
        command.forEach(a -> SpecChecks.string("command argument", a));
    }

    private static void env(Map<String, String> env) {
        if (env.size() > MAX_ENV) {
            throw new InvalidSpecException("env has " + env.size() + " variables; at most " + MAX_ENV);
        }
        env.forEach((k, v) -> {
            if (k.isEmpty() || k.indexOf('=') >= 0) {
                throw new InvalidSpecException("env: invalid variable name '" + k + "'");
            }
            SpecChecks.string("env variable " + k, k + "=" + v);
        });
    }

    private static void workingDir(String workingDir) {
        if (!workingDir.startsWith("/")) {
            throw new InvalidSpecException("workingDir must be an absolute path: " + workingDir);
        }
        SpecChecks.string("workingDir", workingDir);
    }

    private static void stdinFile(Stdio stdin) {
        if (stdin.kind() == Stdio.Kind.FILE && !Files.isRegularFile(stdin.file())) {
            throw new InvalidSpecException("stdin file does not exist: " + stdin.file());
        }
    }
}
