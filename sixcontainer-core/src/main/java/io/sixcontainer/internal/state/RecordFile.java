package io.sixcontainer.internal.state;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.sixcontainer.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a JSON record that is written without fsync (temporary file + rename): after a power
 * loss it may be empty, cut short or zero-filled, which reads as no record at all. A record
 * that is whole JSON but does not map (e.g. written by a newer version) is an error, never
 * taken for a torn one: that would delete a live container's state.
 */
final class RecordFile {

    private RecordFile() {
    }

    /** The record in {@code file}; empty when there is none or it is torn. */
    static <T> Optional<T> read(Path file, Json.Decoder<T> decoder) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(bytes, decoder));
        } catch (JsonProcessingException e) {
            if (torn(bytes)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // Whole JSON is one complete value, whatever follows it (as ObjectMapper.readTree takes it).
    private static boolean torn(byte[] bytes) {
        try (JsonParser p = Json.parser(bytes)) {
            if (p.nextToken() == null) {
                return true;
            }
            p.skipChildren();
            return false;
        } catch (IOException notJson) {
            return true;
        }
    }
}
