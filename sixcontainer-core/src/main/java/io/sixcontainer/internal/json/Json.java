package io.sixcontainer.internal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The JSON of the records a launch reads and writes, with jackson-core's streaming API alone:
 * jackson-databind (ObjectMapper, bean introspection) cost a fresh JVM ~80 ms of every cold
 * launch. The factory is the one ObjectMapper uses, with the same defaults, so the bytes are
 * the same too.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** Writes one document. */
    @FunctionalInterface
    public interface Encoder {
        /** Writes the document to {@code g}. */
        void write(JsonGenerator g) throws IOException;
    }

    /** Reads one document. */
    @FunctionalInterface
    public interface Decoder<T> {
        /**
         * Reads the document from {@code p}, which has read no token yet; a document that does
         * not map throws a {@link JsonMismatchException}.
         */
        T read(JsonParser p) throws IOException;
    }

    /** A parser of {@code json} (UTF-8, or another encoding JSON allows, detected). */
    public static JsonParser parser(byte[] json) throws IOException {
        return FACTORY.createParser(json);
    }

    /** A parser of {@code json}. */
    public static JsonParser parser(String json) throws IOException {
        return FACTORY.createParser(json);
    }

    /** Reads {@code json} with {@code decoder}. */
    public static <T> T read(byte[] json, Decoder<T> decoder) throws IOException {
        try (JsonParser p = parser(json)) {
            return decoder.read(p);
        }
    }

    /** The UTF-8 bytes of what {@code encoder} writes; indented as ObjectMapper's INDENT_OUTPUT does when {@code indent}. */
    public static byte[] write(boolean indent, Encoder encoder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            if (indent) {
                g.useDefaultPrettyPrinter();
            }
            encoder.write(g);
        }
        return out.toByteArray();
    }
}
