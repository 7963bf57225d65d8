package io.sixcontainer.internal.net.nat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RootRequired;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the kernel holds after each change, read back with {@code nft -j list table} and
 * rendered by the test itself. Each test has a table of its own, deleted afterwards; the
 * interface names in its rules need not exist (nft matches them by name).
 */
class NatTableTest {

    private static final String ID = "c0ffee0123456789abcdef0123456789abcdef0123456789abcdef0123456789";

    private NatTable nat;

    @BeforeEach
    void setUp() {
        RootRequired.assumeRoot();
        RootRequired.assumeTool("nft");
        nat = new NatTable("sxt" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8));
    }

    @AfterEach
    void tearDown() throws IOException, InterruptedException {
        if (nat != null) {
            nat.deleteTable();
            assertThat(kernel().exists()).isFalse();
        }
    }

    @Test
    void ensureTableMakesTheBaseChainsOnceHoweverManyRunIt() throws Exception {
        runTogether(8, i -> nat.ensureTable());
        nat.ensureTable();

        KernelTable t = kernel();
        assertThat(t.chains()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "prerouting", "nat prerouting -100 accept",
                "output", "nat output -100 accept",
                "postrouting", "nat postrouting 100 accept",
                "forward", "filter forward 0 accept",
                "guard", "filter prerouting -300 accept",
                "published", ""));
        assertThat(t.rulesOf("prerouting")).containsExactly("fib daddr type local jump published");
        assertThat(t.rulesOf("output")).containsExactly("fib daddr type local jump published");
        assertThat(t.rulesOf("published")).isEmpty();
    }

    @Test
    void aNetworkGetsItsMasqueradeAndForwardChainsAndLosesThemAgain() throws Exception {
        nat.addNetwork("my.net-1", "sxtbr0", "10.214.7.0/24");

        KernelTable t = kernel();
        assertThat(t.rulesOf("nat-my.net-1")).containsExactly(
                "ip saddr 10.214.7.0/24 oifname != sxtbr0 masquerade",
                "ip saddr 127.0.0.0/8 oifname sxtbr0 masquerade",
                "ct status dnat ip saddr 10.214.7.0/24 oifname sxtbr0 masquerade");
        assertThat(t.rulesOf("fwd-my.net-1")).containsExactly(
                "oifname sxtbr0 ct state established,related accept",
                "oifname sxtbr0 ct status dnat accept",
                "oifname sxtbr0 iifname != sxtbr0 drop");
        assertThat(t.rulesOf("lo-my.net-1")).containsExactly("iifname sxtbr0 ip daddr 127.0.0.0/8 drop");
        assertThat(t.rulesOf("guard")).containsExactly("jump lo-my.net-1 comment sixc:net:my.net-1");
        assertThat(t.rulesOf("postrouting")).containsExactly("jump nat-my.net-1 comment sixc:net:my.net-1");
        assertThat(t.rulesOf("forward")).containsExactly("jump fwd-my.net-1 comment sixc:net:my.net-1");
        assertThat(nat.networkNames()).containsExactly("my.net-1");

        // Again with another bridge: replaced, still one jump each.
        nat.addNetwork("my.net-1", "sxtbr1", "10.214.8.0/24");
        t = kernel();
        assertThat(t.rulesOf("nat-my.net-1")).first().isEqualTo("ip saddr 10.214.8.0/24 oifname != sxtbr1 masquerade");
        assertThat(t.rulesOf("postrouting")).hasSize(1);
        assertThat(t.rulesOf("forward")).hasSize(1);

        nat.removeNetwork("my.net-1");
        t = kernel();
        assertThat(t.chains()).doesNotContainKeys("nat-my.net-1", "fwd-my.net-1", "lo-my.net-1");
        assertThat(t.rulesOf("guard")).isEmpty();
        assertThat(t.rulesOf("postrouting")).isEmpty();
        assertThat(t.rulesOf("forward")).isEmpty();
        assertThat(nat.networkNames()).isEmpty();
        nat.removeNetwork("my.net-1");
    }

    @Test
    void aContainersPortsAreOneChainEnteredByOneTaggedJump() throws Exception {
        nat.addPorts(ID, List.of(
                new PortRule(ipv4("127.0.0.1"), 8080, ipv4("10.214.7.2"), 80, PortRule.Transport.TCP),
                PortRule.udp(5353, ipv4("10.214.7.2"), 53)));

        KernelTable t = kernel();
        assertThat(t.rulesOf("ctr-" + ID)).containsExactly(
                "ip daddr 127.0.0.1 tcp dport 8080 dnat to 10.214.7.2:80",
                "udp dport 5353 dnat to 10.214.7.2:53");
        assertThat(t.rulesOf("published")).containsExactly("jump ctr-" + ID + " comment sixc:ctr:" + ID);
        assertThat(t.rulesOf("prerouting")).containsExactly("fib daddr type local jump published");
        assertThat(nat.containerIds()).containsExactly(ID);

        nat.addPorts(ID, List.of(new PortRule(ipv4("0.0.0.0"), 9090, ipv4("10.214.7.3"), 90, PortRule.Transport.TCP)));
        t = kernel();
        assertThat(t.rulesOf("ctr-" + ID)).containsExactly("tcp dport 9090 dnat to 10.214.7.3:90");
        assertThat(t.rulesOf("published")).hasSize(1);

        nat.removePorts(ID);
        t = kernel();
        assertThat(t.chains()).doesNotContainKey("ctr-" + ID);
        assertThat(t.rulesOf("published")).isEmpty();
        assertThat(nat.containerIds()).isEmpty();
        nat.removePorts(ID);
    }

    @Test
    void theNetlinkPathWritesWhatNftWritesAndRemovesItByTheJumpsHandle() throws Exception {
        nat.ensureTable();
        long handle = nat.addNewPorts(ID, List.of(
                new PortRule(ipv4("127.0.0.1"), 8080, ipv4("10.214.7.2"), 80, PortRule.Transport.TCP),
                PortRule.udp(5353, ipv4("10.214.7.2"), 53)));
        assertThat(handle).as("made over netlink").isPositive();

        // nft reads them back as the rules it would have written itself.
        KernelTable t = kernel();
        assertThat(t.rulesOf("ctr-" + ID)).containsExactly(
                "ip daddr 127.0.0.1 tcp dport 8080 dnat to 10.214.7.2:80",
                "udp dport 5353 dnat to 10.214.7.2:53");
        assertThat(t.rulesOf("published")).containsExactly("jump ctr-" + ID + " comment sixc:ctr:" + ID);
        assertThat(nat.containerIds()).containsExactly(ID);

        nat.removePorts(ID, handle);
        t = kernel();
        assertThat(t.chains()).doesNotContainKey("ctr-" + ID);
        assertThat(t.rulesOf("published")).isEmpty();
        nat.removePorts(ID, handle);
    }

    @Test
    void aHandleThatIsNoLongerTheContainersJumpRemovesNothingElse() throws Exception {
        String other = "ab".repeat(32);
        nat.ensureTable();
        long mine = nat.addNewPorts(ID, List.of(PortRule.tcp(8080, ipv4("10.214.7.2"), 80)));
        long theirs = nat.addNewPorts(other, List.of(PortRule.tcp(8081, ipv4("10.214.7.3"), 80)));
        // As after the table was made again: the handle names another container's jump.
        nat.removePorts(ID, theirs);
        KernelTable t = kernel();
        assertThat(t.rulesOf("published")).containsExactly("jump ctr-" + other + " comment sixc:ctr:" + other);
        assertThat(t.chains()).doesNotContainKey("ctr-" + ID);
        nat.removePorts(other, mine);
        assertThat(kernel().rulesOf("published")).isEmpty();
    }

    @Test
    void withoutTheTableTheNetlinkPathFallsBackToNftWhichMakesIt() throws Exception {
        assertThat(nat.addNewPorts(ID, List.of(PortRule.tcp(8080, ipv4("10.214.7.2"), 80)))).isEqualTo(-1);
        assertThat(kernel().rulesOf("ctr-" + ID)).containsExactly("tcp dport 8080 dnat to 10.214.7.2:80");
    }

    @Test
    void withoutNftTheErrorSaysWhatToInstall() {
        NatTable none = new NatTable("sxtnonft", java.nio.file.Path.of("/nonexistent/nft"));
        assertThatThrownBy(() -> none.addNetwork("n1", "sxtbr9", "10.214.9.0/24"))
                .isInstanceOf(NftException.class).hasMessageContaining("nft is not installed (the nftables package)");
    }

    @Test
    void manyProcessesChangingTheTableAtOnceLoseNothing() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(String.format("%012x", 0xabc000000000L + i));
        }
        runTogether(ids.size(), i -> nat.addPorts(ids.get(i),
                List.of(PortRule.tcp(20000 + i, ipv4("10.214.9." + (i + 2)), 80))));
        assertThat(nat.containerIds()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(kernel().rulesOf("published")).hasSize(ids.size());

        // Every id twice: two repairs racing to delete the same leak.
        runTogether(ids.size() * 2, i -> nat.removePorts(ids.get(i / 2)));
        assertThat(nat.containerIds()).isEmpty();
        assertThat(kernel().rulesOf("published")).isEmpty();
    }

    @Test
    void leftoversAreFoundByTheirChainEvenWithoutTheJump() throws Exception {
        nat.ensureTable();
        Shell.run("nft", "add", "chain", "ip", nat.tableName(), "ctr-" + ID);
        Shell.run("nft", "add", "chain", "ip", nat.tableName(), "fwd-gone");
        Shell.run("nft", "add", "chain", "ip", nat.tableName(), "someone-elses");

        assertThat(nat.containerIds()).containsExactly(ID);
        assertThat(nat.networkNames()).containsExactly("gone");
        nat.removePorts(ID);
        nat.removeNetwork("gone");
        assertThat(kernel().chains()).containsKey("someone-elses").doesNotContainKeys("ctr-" + ID, "fwd-gone");
    }

    @Test
    void aTableThatIsNotThereHasNothingToRemove() {
        assertThat(nat.containerIds()).isEmpty();
        assertThat(nat.networkNames()).isEmpty();
        nat.removePorts(ID);
        nat.removeNetwork("absent");
        nat.deleteTable();
    }

    @Test
    void nftsRefusalNamesTheChangeAndCarriesNftsMessage() throws Exception {
        // A chain of ours made by someone else with another type: nft cannot "add" ours over it.
        Shell.run("nft", "add", "table", "ip", nat.tableName());
        Shell.run("nft", "add chain ip " + nat.tableName() + " prerouting { type filter hook prerouting priority 0; }");

        assertThatThrownBy(() -> nat.addPorts(ID, List.of(PortRule.tcp(8080, ipv4("10.214.7.2"), 80))))
                .isInstanceOfSatisfying(NftException.class, e -> {
                    assertThat(e.intent()).isEqualTo("publish the ports of container " + ID);
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.stderr()).contains("Error: Could not process rule");
                    assertThat(e.getMessage()).contains(ID).contains("Could not process rule");
                });
        // All or nothing: the rules of the script before the failing line are not there either.
        assertThat(kernel().chains()).containsOnlyKeys("prerouting");
    }

    private KernelTable kernel() throws IOException, InterruptedException {
        return KernelTable.read(nat.tableName());
    }

    private static Inet4Address ipv4(String dotted) {
        try {
            return (Inet4Address) InetAddress.getByName(dotted);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code n} tasks on {@code n} threads, all started together; rethrows the first failure. */
    private static void runTogether(int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run(index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    private interface Task {
        void run(int index) throws Exception;
    }
}
