package io.sixcontainer.internal.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    static <T> Optional<T> read(Path file, ObjectMapper json, Class<T> type) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(bytes, type));
        } catch (JsonProcessingException e) {
            if (torn(bytes, json)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean torn(byte[] bytes, ObjectMapper json) {
        try {
            JsonNode whole = json.readTree(bytes);
            return whole == null || whole.isMissingNode();
        } catch (IOException notJson) {
            return true;
        }
    }
}
