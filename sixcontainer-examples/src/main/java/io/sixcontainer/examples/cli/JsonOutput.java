package io.sixcontainer.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON that {@code ps}, {@code images} and {@code inspect} print. The mapper lives in
 * this class of its own because picocli instantiates every subcommand on each start: as a
 * static field of a command it cost every {@code sixc} call ~40 ms, JSON output or not.
 */
final class JsonOutput {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    /** A container's info with its launch plan (the plan's own JSON) as the field {@code plan}. */
    static Object withPlan(Object info, java.util.Optional<String> plan) throws JsonProcessingException {
        com.fasterxml.jackson.databind.node.ObjectNode node = JSON.valueToTree(info);
        node.set("plan", plan.isPresent() ? JSON.readTree(plan.get()) : JSON.nullNode());
        return node;
    }

    /** {@code value} as indented JSON, dates as ISO-8601 text. */
    static String write(Object value) throws JsonProcessingException {
        return JSON.writeValueAsString(value);
    }
}
