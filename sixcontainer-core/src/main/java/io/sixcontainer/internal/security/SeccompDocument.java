package io.sixcontainer.internal.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.internal.json.Json;
import io.sixcontainer.internal.json.JsonMismatchException;
import io.sixcontainer.internal.json.JsonValueReader;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A seccomp profile as Docker's JSON states it, before {@link SeccompProfile} resolves it for
 * an architecture and capabilities. Fields it does not use ({@code archMap}, {@code comment},
 * ...) are skipped; a value of the wrong type is refused, where Docker's Go decoder would
 * refuse it too.
 *
 * @param defaultAction   {@code defaultAction}, or null when missing
 * @param defaultErrnoRet {@code defaultErrnoRet}, or null when missing
 * @param syscalls        {@code syscalls}
 */
record SeccompDocument(String defaultAction, Integer defaultErrnoRet, List<Call> syscalls) {

    /**
     * One entry of {@code syscalls}.
     *
     * @param names    {@code names}, then {@code name} if given
     * @param action   {@code action}, or null when missing
     * @param errnoRet {@code errnoRet}, or null when missing
     */
    record Call(List<String> names, String action, Integer errnoRet, List<Arg> args, Filter includes, Filter excludes) {
    }

    /**
     * The {@code includes} or {@code excludes} of a call.
     *
     * @param arches    null when the field is missing or null (an empty list matches no architecture)
     * @param minKernel null when missing
     */
    record Filter(List<String> caps, List<String> arches, String minKernel) {
        static final Filter NONE = new Filter(List.of(), null, null);
    }

    /**
     * One of a call's {@code args}.
     *
     * @param index null when missing
     * @param value {@code value}, 0 when missing
     */
    record Arg(Integer index, String op, BigInteger value, BigInteger valueTwo) {
    }

    /** @throws InvalidSpecException if {@code json} is not JSON, not an object, or holds a value of the wrong type */
    static SeccompDocument read(String json) {
        try (JsonParser p = Json.parser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidSpecException("seccomp profile is not a JSON object");
            }
            return document(p);
        } catch (JsonMismatchException e) {
            throw new InvalidSpecException("seccomp profile: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException("seccomp profile is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
    }

    private static SeccompDocument document(JsonParser p) throws IOException {
        String defaultAction = null;
        Integer defaultErrnoRet = null;
        List<Call> syscalls = new ArrayList<>();
        for (String name = JsonValueReader.nextField(p); name != null; name = JsonValueReader.nextField(p)) {
            switch (name) {
                case "defaultAction" -> defaultAction = JsonValueReader.string(p);
                case "defaultErrnoRet" -> defaultErrnoRet = JsonValueReader.integer(p);
                case "syscalls" -> {
                    // A repeated key replaces the earlier value, as in readTree and Docker's decoder.
                    syscalls.clear();
                    JsonValueReader.elements(p, () -> syscalls.add(call(p)));
                }
                default -> p.skipChildren();
            }
        }
        return new SeccompDocument(defaultAction, defaultErrnoRet, List.copyOf(syscalls));
    }

    private static Call call(JsonParser p) throws IOException {
        List<String> names = new ArrayList<>();
        String single = null;
        String action = null;
        Integer errnoRet = null;
        List<Arg> args = new ArrayList<>();
        Filter includes = Filter.NONE;
        Filter excludes = Filter.NONE;
        JsonValueReader.startObject(p);
        for (String name = JsonValueReader.nextField(p); name != null; name = JsonValueReader.nextField(p)) {
            switch (name) {
                case "names" -> names = JsonValueReader.texts(p);
                case "name" -> single = JsonValueReader.string(p);
                case "action" -> action = JsonValueReader.string(p);
                case "errnoRet" -> errnoRet = JsonValueReader.integer(p);
                case "args" -> {
                    args.clear();
                    JsonValueReader.elements(p, () -> args.add(arg(p)));
                }
                case "includes" -> includes = filter(p);
                case "excludes" -> excludes = filter(p);
                default -> p.skipChildren();
            }
        }
        if (single != null) {
            names.add(single);
        }
        return new Call(List.copyOf(names), action, errnoRet, List.copyOf(args), includes, excludes);
    }

    private static Filter filter(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return Filter.NONE;
        }
        List<String> caps = List.of();
        List<String> arches = null;
        String minKernel = null;
        JsonValueReader.startObject(p);
        for (String name = JsonValueReader.nextField(p); name != null; name = JsonValueReader.nextField(p)) {
            switch (name) {
                case "caps" -> caps = JsonValueReader.texts(p);
                case "arches" -> arches = p.currentToken() == JsonToken.VALUE_NULL ? null : JsonValueReader.texts(p);
                case "minKernel" -> minKernel = JsonValueReader.string(p);
                default -> p.skipChildren();
            }
        }
        return new Filter(List.copyOf(caps), arches == null ? null : List.copyOf(arches), minKernel);
    }

    private static Arg arg(JsonParser p) throws IOException {
        Integer index = null;
        String op = null;
        BigInteger value = BigInteger.ZERO;
        BigInteger valueTwo = BigInteger.ZERO;
        JsonValueReader.startObject(p);
        for (String name = JsonValueReader.nextField(p); name != null; name = JsonValueReader.nextField(p)) {
            switch (name) {
                case "index" -> index = JsonValueReader.integer(p);
                case "op" -> op = JsonValueReader.string(p);
                case "value" -> value = orZero(JsonValueReader.bigInteger(p));
                case "valueTwo" -> valueTwo = orZero(JsonValueReader.bigInteger(p));
                default -> p.skipChildren();
            }
        }
        return new Arg(index, op, value, valueTwo);
    }

    private static BigInteger orZero(BigInteger n) {
        return n == null ? BigInteger.ZERO : n;
    }
}
