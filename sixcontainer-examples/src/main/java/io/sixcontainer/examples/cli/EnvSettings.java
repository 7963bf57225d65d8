package io.sixcontainer.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Docker's {@code -e} and {@code --env-file} rules: {@code KEY=VALUE} sets a variable,
 * a bare {@code KEY} takes the caller's value (and is skipped when the caller has none);
 * in a file, blank lines and lines starting with {@code #} are ignored. Files come first,
 * then {@code -e}, so {@code -e} wins.
 */
final class EnvSettings {

    private EnvSettings() {
    }

    /**
     * The variables from {@code files} then {@code entries}, looking bare keys up in {@code caller}.
     *
     * @throws IllegalArgumentException naming the file and line of a bad entry, or a file that cannot be read
     */
    static Map<String, String> resolve(List<Path> files, List<String> entries, UnaryOperator<String> caller) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read env file " + file + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).stripLeading();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    add(env, line, caller, file + ":" + (i + 1));
                }
            }
        }
        for (String entry : entries) {
            add(env, entry, caller, "-e");
        }
        return env;
    }

    private static void add(Map<String, String> env, String entry, UnaryOperator<String> caller, String where) {
        int eq = entry.indexOf('=');
        String key = eq < 0 ? entry : entry.substring(0, eq);
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(where + ": invalid variable name in '" + entry + "'");
        }
        String value = eq < 0 ? caller.apply(key) : entry.substring(eq + 1);
        if (value != null) {
            env.put(key, value);
        }
    }
}
