package io.sixcontainer.examples.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker's {@code -e}: {@code KEY=VALUE} sets a variable, a bare {@code KEY} takes the caller's (if set). */
final class EnvArgs {

    private EnvArgs() {
    }

    static Map<String, String> parse(List<String> args) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : args) {
            int eq = kv.indexOf('=');
            if (eq >= 0) {
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else if (System.getenv(kv) != null) {
                env.put(kv, System.getenv(kv));
            }
        }
        return env;
    }
}
