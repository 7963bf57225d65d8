package io.sixcontainer.internal.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.internal.security.SeccompRule.ArgCheck;
import io.sixcontainer.internal.security.SeccompRule.Clause;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A seccomp profile in Docker's JSON format ({@code defaultAction}, {@code syscalls} with
 * {@code names}, {@code action}, {@code errnoRet}, {@code args}, {@code includes} and
 * {@code excludes} by capability, architecture and minimum kernel), resolved for one
 * architecture ({@link SeccompArch}) and a given capability set into one rule per system call.
 * Names the architecture does not have are skipped, as runc does.
 */
public final class SeccompProfile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EPERM = 1;

    static final int RET_KILL_PROCESS = 0x80000000;
    static final int RET_KILL_THREAD = 0;
    static final int RET_TRAP = 0x00030000;
    static final int RET_ERRNO = 0x00050000;
    static final int RET_LOG = 0x7ffc0000;
    static final int RET_ALLOW = 0x7fff0000;

    private final SeccompArch arch;
    private final int defaultAction;
    private final List<SeccompRule> rules;

    private SeccompProfile(SeccompArch arch, int defaultAction, List<SeccompRule> rules) {
        this.arch = arch;
        this.defaultAction = defaultAction;
        this.rules = rules;
    }

    /** Docker's default profile (a resource in Docker's format). */
    public static String defaultJson() {
        return DefaultJson.TEXT;
    }

    private static final class DefaultJson {
        static final String TEXT = load();
    }

    private static String load() {
        try (InputStream in = SeccompProfile.class.getResourceAsStream("default-seccomp.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource default-seccomp.json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses {@code json} for a container with {@code capabilities} (canonical names) on
     * {@code arch}.
     *
     * @throws InvalidSpecException naming what is wrong with the profile
     */
    public static SeccompProfile parse(String json, Set<String> capabilities, SeccompArch arch) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException("seccomp profile is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSpecException("seccomp profile is not a JSON object");
        }
        int defaultErrno = root.path("defaultErrnoRet").asInt(EPERM);
        int defaultAction = action(text(root, "defaultAction", "seccomp profile"), defaultErrno, "defaultAction");
        Map<Integer, List<Clause>> byNr = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode call : root.path("syscalls")) {
            String where = "seccomp profile syscalls[" + i++ + "]";
            if (!applies(call, capabilities, arch, where)) {
                continue;
            }
            int action = action(text(call, "action", where), call.path("errnoRet").asInt(EPERM), where);
            Clause clause = new Clause(args(call.path("args"), where), action);
            for (String name : names(call, where)) {
                OptionalInt nr = arch.number(name);
                if (nr.isPresent()) {
                    byNr.computeIfAbsent(nr.getAsInt(), k -> new ArrayList<>()).add(clause);
                }
            }
        }
        List<SeccompRule> rules = new ArrayList<>();
        byNr.forEach((nr, clauses) -> rules.add(new SeccompRule(nr, List.copyOf(clauses))));
        return new SeccompProfile(arch, defaultAction, List.copyOf(rules));
    }

    /** The classic BPF program for {@code seccomp(SECCOMP_SET_MODE_FILTER)}, as 8-byte sock_filters. */
    public byte[] compile() {
        return new BpfCompiler(arch, defaultAction, rules).compile();
    }

    private static boolean applies(JsonNode call, Set<String> caps, SeccompArch arch, String where) {
        JsonNode inc = call.path("includes");
        JsonNode exc = call.path("excludes");
        for (JsonNode c : inc.path("caps")) {
            if (!caps.contains(Capabilities.canonical(c.asText()))) {
                return false;
            }
        }
        for (JsonNode c : exc.path("caps")) {
            if (caps.contains(Capabilities.canonical(c.asText()))) {
                return false;
            }
        }
        if (inc.has("arches") && !contains(inc.path("arches"), arch.dockerName())
                || contains(exc.path("arches"), arch.dockerName())) {
            return false;
        }
        if (inc.hasNonNull("minKernel") && KernelVersion.running().compareTo(
                KernelVersion.parse(inc.get("minKernel").asText(), where + ".includes.minKernel")) < 0) {
            return false;
        }
        return !exc.hasNonNull("minKernel") || KernelVersion.running().compareTo(
                KernelVersion.parse(exc.get("minKernel").asText(), where + ".excludes.minKernel")) < 0;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(JsonNode call, String where) {
        List<String> names = new ArrayList<>();
        call.path("names").forEach(n -> names.add(n.asText()));
        if (call.hasNonNull("name")) {
            names.add(call.get("name").asText());
        }
        if (names.isEmpty()) {
            throw new InvalidSpecException(where + " has no names");
        }
        return names;
    }

    private static List<ArgCheck> args(JsonNode args, String where) {
        List<ArgCheck> checks = new ArrayList<>();
        for (JsonNode a : args) {
            int index = a.path("index").asInt(-1);
            if (index < 0 || index > 5) {
                throw new InvalidSpecException(where + ": argument index " + a.path("index") + " is not 0..5");
            }
            String op = text(a, "op", where + " args");
            SeccompRule.Op parsed = switch (op) {
                case "SCMP_CMP_EQ" -> SeccompRule.Op.EQ;
                case "SCMP_CMP_NE" -> SeccompRule.Op.NE;
                case "SCMP_CMP_LT" -> SeccompRule.Op.LT;
                case "SCMP_CMP_LE" -> SeccompRule.Op.LE;
                case "SCMP_CMP_GT" -> SeccompRule.Op.GT;
                case "SCMP_CMP_GE" -> SeccompRule.Op.GE;
                case "SCMP_CMP_MASKED_EQ" -> SeccompRule.Op.MASKED_EQ;
                default -> throw new InvalidSpecException(where + ": unknown comparison '" + op + "'");
            };
            checks.add(new ArgCheck(index, parsed, u64(a.path("value"), where), u64(a.path("valueTwo"), where)));
        }
        return List.copyOf(checks);
    }

    // JSON numbers up to 2^64-1: the bits of an unsigned 64-bit value.
    private static long u64(JsonNode n, String where) {
        if (n.isMissingNode()) {
            return 0;
        }
        if (!n.isIntegralNumber() || n.bigIntegerValue().signum() < 0 || n.bigIntegerValue().bitLength() > 64) {
            throw new InvalidSpecException(where + ": argument value " + n + " is not 0..2^64-1");
        }
        return n.bigIntegerValue().longValue();
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidSpecException(where + " has no \"" + field + "\"");
        }
        return v.asText();
    }

    private static int action(String name, int errno, String where) {
        if (errno < 0 || errno > 4095) {
            throw new InvalidSpecException(where + ": errnoRet " + errno + " is not 0..4095");
        }
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "SCMP_ACT_ALLOW" -> RET_ALLOW;
            case "SCMP_ACT_ERRNO" -> RET_ERRNO | errno;
            case "SCMP_ACT_KILL", "SCMP_ACT_KILL_THREAD" -> RET_KILL_THREAD;
            case "SCMP_ACT_KILL_PROCESS" -> RET_KILL_PROCESS;
            case "SCMP_ACT_TRAP" -> RET_TRAP;
            case "SCMP_ACT_LOG" -> RET_LOG;
            default -> throw new InvalidSpecException(where + ": unsupported action '" + name + "'");
        };
    }

    /** Reads a profile file for the caller (the CLI's {@code --security-opt seccomp=FILE}). */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidSpecException("cannot read seccomp profile " + file + ": " + e.getMessage());
        }
    }
}
