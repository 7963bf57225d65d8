package io.sixcontainer.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two halves of the protocol name the same things with the same values: every descriptor,
 * header field, FLAGS bit, record tag, mount op, event kind and the lifeline's detach byte of
 * {@link Protocol} is in the C helper's {@code protocol.h} and the other way round. Each entry is
 * keyed by its C name: {@code SIXC_FD_CONFIG} is {@code Protocol.FD_CONFIG}, {@code TAG_ROOTFS}
 * is {@code Tag.ROOTFS}, {@code MOP_MASK} is {@code MountOp.MASK}, {@code SIXC_EVENT_PID} is
 * {@code Event.PID}. Needs no root.
 */
class ProtocolConsistencyTest {

    private static final Path PROTOCOL_H = Path.of("../sixcontainer-native/src/main/c/protocol.h");

    /** The defines of protocol.h that are vocabulary shared with Java, not the parser's own bounds. */
    private static final Pattern SHARED_DEFINE =
            Pattern.compile("SIXC_(FD_\\w+|FLAG_\\w+|EVENT_\\w+|MAGIC|VERSION|HEADER_LEN|LIFELINE_DETACH)");
    private static final Pattern DEFINE = Pattern.compile("(?m)^#define\\s+(\\w+)\\s+(\\S+)");
    private static final Pattern ENUMERATOR = Pattern.compile("(\\w+)\\s*=\\s*([^,]+),");

    @Test
    void javaAndCNameTheSameThingsWithTheSameValues() throws IOException {
        Map<String, Object> c = cSide(Files.readString(PROTOCOL_H));
        Map<String, Object> java = javaSide();
        assertThat(c.keySet()).as("protocol.h parsed").contains("SIXC_FD_CONFIG", "TAG_ROOTFS", "MOP_MOUNT",
                "SIXC_FLAG_LOOPBACK", "SIXC_EVENT_PID", "SIXC_MAGIC");

        List<String> mismatches = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(c.keySet());
        names.addAll(java.keySet());
        for (String name : names) {
            Object cv = c.get(name);
            Object jv = java.get(name);
            if (jv == null) {
                mismatches.add(name + " = " + show(cv) + " is only in protocol.h, not in " + javaName(name));
            } else if (cv == null) {
                mismatches.add(javaName(name) + " = " + show(jv) + " is only in Java, not in protocol.h as " + name);
            } else if (!Objects.equals(cv, jv)) {
                mismatches.add(name + " is " + show(cv) + " in protocol.h but " + javaName(name) + " is " + show(jv));
            }
        }
        assertThat(mismatches).as("protocol.h and Protocol.java differ").isEmpty();
    }

    /** The shared defines, and the members of enum sixc_tag and enum sixc_mount_op, by C name. */
    static Map<String, Object> cSide(String header) {
        String code = header.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        Map<String, Object> out = new TreeMap<>();
        Matcher d = DEFINE.matcher(code);
        while (d.find()) {
            if (SHARED_DEFINE.matcher(d.group(1)).matches()) {
                out.put(d.group(1), cValue(d.group(1), d.group(2)));
            }
        }
        for (String enumName : List.of("sixc_tag", "sixc_mount_op")) {
            Matcher body = Pattern.compile("enum\\s+" + enumName + "\\s*\\{([^}]*)}").matcher(code);
            assertThat(body.find()).as("enum %s in protocol.h", enumName).isTrue();
            Matcher e = ENUMERATOR.matcher(body.group(1) + ",");
            while (e.find()) {
                String value = e.group(2).strip();
                // An alias such as TAG_LAST_CONFINEMENT = TAG_GROUP_NAME is no tag of its own.
                if (value.matches("\\d+")) {
                    out.put(e.group(1), Long.parseLong(value));
                }
            }
        }
        return out;
    }

    private static Object cValue(String name, String literal) {
        if (literal.matches("\"[^\"]*\"")) {
            return literal.substring(1, literal.length() - 1);
        }
        if (literal.matches("'.'")) {
            return (long) literal.charAt(1);
        }
        if (literal.matches("\\d+[uU]?")) {
            return Long.parseLong(literal.replaceAll("[uU]$", ""));
        }
        throw new IllegalArgumentException("protocol.h: " + name + " has a value this test cannot read: " + literal);
    }

    /** Protocol's constants and enums, keyed by the C name each stands for. */
    static Map<String, Object> javaSide() {
        Map<String, Object> out = new TreeMap<>();
        for (Field f : Protocol.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && !f.isSynthetic()) {
                out.put("SIXC_" + f.getName(), javaValue(f));
            }
        }
        for (Protocol.Tag t : Protocol.Tag.values()) {
            out.put("TAG_" + t.name(), (long) t.code);
        }
        for (Protocol.MountOp op : Protocol.MountOp.values()) {
            out.put("MOP_" + op.name(), (long) op.code);
        }
        for (Protocol.Event e : Protocol.Event.values()) {
            out.put("SIXC_EVENT_" + e.name(), e.word);
        }
        return out;
    }

    private static Object javaValue(Field f) {
        try {
            Object v = f.get(null);
            return v instanceof Number n ? (Object) n.longValue() : v;
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static String javaName(String cName) {
        if (cName.startsWith("TAG_")) {
            return "Protocol.Tag." + cName.substring(4);
        }
        if (cName.startsWith("MOP_")) {
            return "Protocol.MountOp." + cName.substring(4);
        }
        if (cName.startsWith("SIXC_EVENT_")) {
            return "Protocol.Event." + cName.substring(11);
        }
        return "Protocol." + cName.substring(5);
    }

    private static String show(Object v) {
        return v instanceof String s ? '"' + s + '"' : String.valueOf(v);
    }
}
