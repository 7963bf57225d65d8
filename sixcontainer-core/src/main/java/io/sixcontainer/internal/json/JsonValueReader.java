package io.sixcontainer.internal.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed values read from a {@link JsonParser} standing on them (its current token), strictly:
 * a value of another type is a {@link JsonMismatchException} naming where it is, never
 * coerced. Values that may be null read JSON null as null.
 */
public final class JsonValueReader {

    private JsonValueReader() {
    }

    /** Reads the fields of the object {@code p} stands on. */
    @FunctionalInterface
    public interface FieldReader {
        /** Reads the value of field {@code name}, on which the parser stands. */
        void read(String name) throws IOException;
    }

    /** Calls {@code reader} for each field of the object {@code p} stands on; leaves {@code p} on its end. */
    public static void fields(JsonParser p, FieldReader reader) throws IOException {
        startObject(p);
        for (String name = nextField(p); name != null; name = nextField(p)) {
            reader.read(name);
        }
    }

    /** Checks that {@code p} stands on the start of an object, whose fields {@link #nextField} then reads. */
    public static void startObject(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, "an object");
    }

    /** Moves {@code p} to the value of the next field of the object and returns its name; null at the object's end. */
    public static String nextField(JsonParser p) throws IOException {
        String name = p.nextFieldName();
        if (name != null) {
            p.nextToken();
        }
        return name;
    }

    /** Reads the elements of an array. */
    @FunctionalInterface
    public interface ElementReader {
        /** Reads the element the parser stands on. */
        void read() throws IOException;
    }

    /** Calls {@code reader} for each element of the array {@code p} stands on (null: none); leaves {@code p} on its end. */
    public static void elements(JsonParser p, ElementReader reader) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expect(p, JsonToken.START_ARRAY, "an array");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            reader.read();
        }
    }

    /** The error for a field the record does not have (as ObjectMapper's FAIL_ON_UNKNOWN_PROPERTIES). */
    public static JsonMismatchException unknownField(JsonParser p, String name) {
        return new JsonMismatchException(p, "unknown field \"" + name + "\"");
    }

    /** A string, or null. */
    public static String string(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : expect(p, JsonToken.VALUE_STRING, "a string").getText();
    }

    /** A list of strings (elements may be null), or null; mutable, as ObjectMapper made it. */
    public static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        List<String> list = new ArrayList<>();
        elements(p, () -> list.add(string(p)));
        return list;
    }

    /** A list of strings with no null among them (JSON null reads as none); mutable. */
    public static List<String> texts(JsonParser p) throws IOException {
        List<String> list = new ArrayList<>();
        elements(p, () -> {
            String s = string(p);
            if (s == null) {
                throw new JsonMismatchException(p, "expected a string, not null");
            }
            list.add(s);
        });
        return list;
    }

    /** A 32-bit integer. */
    public static int intValue(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw mismatch(p, "a 32-bit integer");
        }
        return p.getIntValue();
    }

    /** A 32-bit integer, or null. */
    public static Integer integer(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : intValue(p);
    }

    /** A 64-bit integer. */
    public static long longValue(JsonParser p) throws IOException {
        JsonParser.NumberType t = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getNumberType() : null;
        if (t != JsonParser.NumberType.INT && t != JsonParser.NumberType.LONG) {
            throw mismatch(p, "a 64-bit integer");
        }
        return p.getLongValue();
    }

    /** An integer of any size, or null. */
    public static BigInteger bigInteger(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null
                : expect(p, JsonToken.VALUE_NUMBER_INT, "an integer").getBigIntegerValue();
    }

    /** {@code true} or {@code false}. */
    public static boolean bool(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_TRUE && p.currentToken() != JsonToken.VALUE_FALSE) {
            throw mismatch(p, "true or false");
        }
        return p.getBooleanValue();
    }

    /** An instant in ISO-8601 ({@link Instant#toString()}), or null. */
    public static Instant instant(JsonParser p) throws IOException {
        String s = string(p);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw mismatch(p, "an ISO-8601 instant");
        }
    }

    /** Bytes in base64 (Jackson's default variant, as ObjectMapper wrote byte[]), or null. */
    public static byte[] binary(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.VALUE_STRING, "a base64 string");
        try {
            return p.getBinaryValue();
        } catch (JsonParseException e) {
            throw mismatch(p, "a base64 string");
        }
    }

    /** A constant of {@code type} by its name, or null. */
    public static <E extends Enum<E>> E enumValue(JsonParser p, Class<E> type) throws IOException {
        String s = string(p);
        try {
            return s == null ? null : Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw mismatch(p, "a " + type.getSimpleName() + " name");
        }
    }

    private static JsonParser expect(JsonParser p, JsonToken token, String what) throws JsonMismatchException {
        if (p.currentToken() != token) {
            throw mismatch(p, what);
        }
        return p;
    }

    private static JsonMismatchException mismatch(JsonParser p, String expected) {
        String found = switch (p.currentToken()) {
            case null -> "the end";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text(p);
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> text(p);
            default -> p.currentToken().toString();
        };
        return new JsonMismatchException(p, "expected " + expected + ", not " + found);
    }

    private static String text(JsonParser p) {
        try {
            return p.getText();
        } catch (IOException e) {
            return "?";
        }
    }
}
