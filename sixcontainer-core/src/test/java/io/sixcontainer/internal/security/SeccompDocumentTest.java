package io.sixcontainer.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.InvalidSpecException;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Docker's seccomp JSON read into a {@link SeccompDocument}; how it resolves is in SeccompProgramTest. */
class SeccompDocumentTest {

    @Test
    void readsEveryFieldItUsesAndSkipsTheRest() {
        SeccompDocument doc = SeccompDocument.read("""
                {"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38, "comment": {"nested": [1, {"x": null}]},
                 "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86"]}],
                 "syscalls": [
                  {"names": ["read", "write"], "name": "close", "action": "SCMP_ACT_ALLOW", "comment": "",
                   "includes": {"caps": ["CAP_SYS_ADMIN"], "arches": ["amd64"], "minKernel": "4.8"},
                   "excludes": {"caps": ["SYS_PTRACE"], "arches": [], "minKernel": null, "unknown": [[]]}},
                  {"name": "kill", "action": "SCMP_ACT_ERRNO", "errnoRet": 1,
                   "args": [{"index": 1, "value": 18446744073709551615, "valueTwo": 0, "op": "SCMP_CMP_EQ", "x": 1},
                            {"index": 2, "op": "SCMP_CMP_MASKED_EQ"}]},
                  {"names": null, "action": null, "args": null, "includes": null}
                 ]}""");
        assertThat(doc).isEqualTo(new SeccompDocument("SCMP_ACT_ERRNO", 38, List.of(
                new SeccompDocument.Call(List.of("read", "write", "close"), "SCMP_ACT_ALLOW", null, List.of(),
                        new SeccompDocument.Filter(List.of("CAP_SYS_ADMIN"), List.of("amd64"), "4.8"),
                        new SeccompDocument.Filter(List.of("SYS_PTRACE"), List.of(), null)),
                new SeccompDocument.Call(List.of("kill"), "SCMP_ACT_ERRNO", 1, List.of(
                        new SeccompDocument.Arg(1, "SCMP_CMP_EQ", new BigInteger("18446744073709551615"), BigInteger.ZERO),
                        new SeccompDocument.Arg(2, "SCMP_CMP_MASKED_EQ", BigInteger.ZERO, BigInteger.ZERO)),
                        SeccompDocument.Filter.NONE, SeccompDocument.Filter.NONE),
                new SeccompDocument.Call(List.of(), null, null, List.of(), SeccompDocument.Filter.NONE,
                        SeccompDocument.Filter.NONE))));
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedByWhereTheyAre() {
        assertRefused("{\"defaultAction\": 5}", "seccomp profile: /defaultAction: expected a string, not the number 5");
        assertRefused("{\"syscalls\": [{\"names\": [\"read\"], \"errnoRet\": \"38\"}]}",
                "/syscalls/0/errnoRet: expected a 32-bit integer, not a string");
        assertRefused("{\"syscalls\": [{}, {\"names\": [\"read\", null]}]}", "/syscalls/1/names/1: expected a string, not null");
        assertRefused("{\"syscalls\": [{\"args\": [{\"value\": 1.5}]}]}", "/syscalls/0/args/0/value: expected an integer");
        assertRefused("{\"syscalls\": {\"names\": []}}", "/syscalls: expected an array, not an object");
        assertRefused("{\"syscalls\": [{\"includes\": {\"caps\": \"CAP_KILL\"}}]}",
                "/syscalls/0/includes/caps: expected an array, not a string");
    }

    @Test
    void aRepeatedKeyReplacesTheEarlierValueAsInDockersDecoder() {
        SeccompDocument doc = SeccompDocument.read("""
                {"syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}],
                 "syscalls": [{"names": ["kill"], "action": "SCMP_ACT_ERRNO",
                               "args": [{"index": 1, "op": "SCMP_CMP_EQ"}], "args": [{"index": 2, "op": "SCMP_CMP_NE"}]}]}""");
        assertThat(doc.syscalls()).singleElement().satisfies(call -> {
            assertThat(call.names()).containsExactly("kill");
            assertThat(call.args()).extracting(SeccompDocument.Arg::index).containsExactly(2);
        });
    }

    @Test
    void notJsonOrNotAnObjectIsRefused() {
        assertRefused("not json", "seccomp profile is not valid JSON");
        assertRefused("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [", "seccomp profile is not valid JSON");
        assertRefused("[]", "seccomp profile is not a JSON object");
        assertRefused("", "seccomp profile is not a JSON object");
    }

    /** As before the streaming reader: an empty arches list includes no architecture (Docker's would include all). */
    @Test
    void anEmptyIncludesArchesMatchesNoArchitecture() {
        String json = """
                {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
                 {"names": ["read"], "action": "SCMP_ACT_ERRNO", "includes": {"arches": []}},
                 {"names": ["write"], "action": "SCMP_ACT_ERRNO", "includes": {"arches": ["amd64"]}}]}""";
        byte[] filtered = SeccompProfile.parse(json, Set.of(), SeccompArch.X86_64).compile();
        byte[] writeOnly = SeccompProfile.parse("""
                {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
                 {"names": ["write"], "action": "SCMP_ACT_ERRNO"}]}""", Set.of(), SeccompArch.X86_64).compile();
        assertThat(filtered).isEqualTo(writeOnly);
    }

    /** The default profile is read once per JVM; what that gives equals what a fresh read of it gives. */
    @Test
    void theKeptDefaultDocumentIsTheDefaultProfile() {
        for (SeccompArch arch : SeccompArch.values()) {
            for (Set<String> caps : List.of(Set.<String>of(), Set.of("CAP_SYS_ADMIN", "CAP_SYS_PTRACE"))) {
                assertThat(SeccompProfile.parse(SeccompProfile.defaultJson(), caps, arch).compile())
                        .isEqualTo(SeccompProfile.parse(SeccompProfile.defaultJson() + " ", caps, arch).compile());
            }
        }
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> SeccompDocument.read(json)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining(message);
    }
}
