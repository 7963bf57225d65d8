package io.sixcontainer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The rules a launch and an exec share for argv, environment and working directory (the helper's limits). */
final class SpecChecks {

    static final int MAX_ARGS = 4096;
    static final int MAX_ENV = 4096;
    static final int MAX_STRING_BYTES = 65535;

    private SpecChecks() {
    }

    static void command(List<String> command) {
        if (command.isEmpty()) {
            throw new InvalidSpecException("command is required");
        }
        if (command.size() > MAX_ARGS) {
            throw new InvalidSpecException("command has " + command.size() + " arguments; at most " + MAX_ARGS);
        }
        if (command.getFirst().isEmpty()) {
            throw new InvalidSpecException("command: the program name is empty");
        }
        command.forEach(a -> string("command argument", a));
    }

    static void env(Map<String, String> env) {
        if (env.size() > MAX_ENV) {
            throw new InvalidSpecException("env has " + env.size() + " variables; at most " + MAX_ENV);
        }
        env.forEach((k, v) -> {
            if (k.isEmpty() || k.indexOf('=') >= 0) {
                throw new InvalidSpecException("env: invalid variable name '" + k + "'");
            }
            string("env variable " + k, k + "=" + v);
        });
    }

    static void workingDir(String workingDir) {
        if (workingDir == null || !workingDir.startsWith("/")) {
            throw new InvalidSpecException("workingDir must be an absolute path: " + workingDir);
        }
        string("workingDir", workingDir);
    }

    static void string(String what, String value) {
        if (value.indexOf('\0') >= 0) {
            throw new InvalidSpecException(what + " contains a NUL character: " + value.replace('\0', '?'));
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES) {
            throw new InvalidSpecException(what + " is longer than " + MAX_STRING_BYTES + " bytes");
        }
    }
}
