package io.sixcontainer.internal.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/**
 * Whole, well-formed JSON that does not map to the record read (a value of another type, an
 * unknown field): unlike a syntax error, never the sign of a torn file. The message names the
 * value by its JSON pointer.
 */
public final class JsonMismatchException extends JsonParseException {

    private static final long serialVersionUID = 1L;

    /** @param p the parser, standing on the value; {@code problem} what is wrong with it */
    public JsonMismatchException(JsonParser p, String problem) {
        super(p, pointer(p) + ": " + problem);
    }

    private static String pointer(JsonParser p) {
        String path = p.getParsingContext().pathAsPointer().toString();
        return path.isEmpty() ? "the document" : path;
    }
}
