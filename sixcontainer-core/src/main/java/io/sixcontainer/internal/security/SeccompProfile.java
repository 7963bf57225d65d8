package io.sixcontainer.internal.security;

import io.sixcontainer.Capability;
import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.internal.security.SeccompRule.ArgCheck;
import io.sixcontainer.internal.security.SeccompRule.Clause;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
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

    // Every Security with the default profile parses it (to validate it, and when launching): once is enough.
    private static final class DefaultDocument {
        static final SeccompDocument DOCUMENT = SeccompDocument.read(DefaultJson.TEXT);
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
        SeccompDocument doc = json.equals(defaultJson()) ? DefaultDocument.DOCUMENT : SeccompDocument.read(json);
        int defaultErrno = doc.defaultErrnoRet() != null ? doc.defaultErrnoRet() : EPERM;
        int defaultAction = action(required(doc.defaultAction(), "defaultAction", "seccomp profile"), defaultErrno,
                "defaultAction");
        Map<Integer, List<Clause>> byNr = new LinkedHashMap<>();
        int i = 0;
        for (SeccompDocument.Call call : doc.syscalls()) {
            String where = "seccomp profile syscalls[" + i++ + "]";
            if (!applies(call, capabilities, arch, where)) {
                continue;
            }
            int action = action(required(call.action(), "action", where), call.errnoRet() != null ? call.errnoRet() : EPERM,
                    where);
            Clause clause = new Clause(args(call.args(), where), action);
            if (call.names().isEmpty()) {
                throw new InvalidSpecException(where + " has no names");
            }
            for (String name : call.names()) {
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

    private static boolean applies(SeccompDocument.Call call, Set<String> caps, SeccompArch arch, String where) {
        SeccompDocument.Filter inc = call.includes();
        SeccompDocument.Filter exc = call.excludes();
        for (String c : inc.caps()) {
            if (!caps.contains(Capability.of(c).name())) {
                return false;
            }
        }
        for (String c : exc.caps()) {
            if (caps.contains(Capability.of(c).name())) {
                return false;
            }
        }
        if (inc.arches() != null && !inc.arches().contains(arch.dockerName())
                || exc.arches() != null && exc.arches().contains(arch.dockerName())) {
            return false;
        }
        if (inc.minKernel() != null && KernelVersion.running().compareTo(
                KernelVersion.parse(inc.minKernel(), where + ".includes.minKernel")) < 0) {
            return false;
        }
        return exc.minKernel() == null || KernelVersion.running().compareTo(
                KernelVersion.parse(exc.minKernel(), where + ".excludes.minKernel")) < 0;
    }

    private static List<ArgCheck> args(List<SeccompDocument.Arg> args, String where) {
        List<ArgCheck> checks = new ArrayList<>();
        for (SeccompDocument.Arg a : args) {
            if (a.index() == null || a.index() < 0 || a.index() > 5) {
                throw new InvalidSpecException(where + ": argument index " + (a.index() == null ? "(missing)" : a.index())
                        + " is not 0..5");
            }
            String op = required(a.op(), "op", where + " args");
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
            checks.add(new ArgCheck(a.index(), parsed, u64(a.value(), where), u64(a.valueTwo(), where)));
        }
        return List.copyOf(checks);
    }

    // JSON numbers up to 2^64-1: the bits of an unsigned 64-bit value.
    private static long u64(BigInteger n, String where) {
        if (n.signum() < 0 || n.bitLength() > 64) {
            throw new InvalidSpecException(where + ": argument value " + n + " is not 0..2^64-1");
        }
        return n.longValue();
    }

    private static String required(String value, String field, String where) {
        if (value == null) {
            throw new InvalidSpecException(where + " has no \"" + field + "\"");
        }
        return value;
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
