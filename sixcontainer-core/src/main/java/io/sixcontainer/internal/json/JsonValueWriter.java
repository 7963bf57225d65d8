package io.sixcontainer.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Fields of the types {@link JsonValueReader} reads, written as ObjectMapper wrote them (with
 * JavaTimeModule and WRITE_DATES_AS_TIMESTAMPS off): null as JSON null, instants as ISO-8601
 * text, bytes in base64, enum constants by name.
 */
public final class JsonValueWriter {

    private JsonValueWriter() {
    }

    /** A list of strings, or null. */
    public static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeFieldName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** A 32-bit integer, or null. */
    public static void integer(JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.intValue());
        }
    }

    /** An instant, or null. */
    public static void instant(JsonGenerator g, String name, Instant value) throws IOException {
        g.writeStringField(name, value == null ? null : value.toString());
    }

    /** Bytes, or null. */
    public static void binary(JsonGenerator g, String name, byte[] value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeBinaryField(name, value);
        }
    }

    /** An enum constant, or null. */
    public static void enumName(JsonGenerator g, String name, Enum<?> value) throws IOException {
        g.writeStringField(name, value == null ? null : value.name());
    }
}
