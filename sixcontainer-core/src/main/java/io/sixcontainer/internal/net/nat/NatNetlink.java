package io.sixcontainer.internal.net.nat;

import static io.sixcontainer.ffi.libc.linux_nf_tables_h.*;

import io.sixcontainer.ffi.Errno;
import io.sixcontainer.internal.net.link.NetlinkAttributes;
import io.sixcontainer.internal.net.link.NetlinkException;
import io.sixcontainer.internal.net.link.NetlinkMessage;
import io.sixcontainer.internal.net.link.NetlinkSocket;
import io.sixcontainer.ffi.libc.linux_netlink_h;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A container's port rules through nftables' own netlink protocol, with no nft process: the
 * hot path of every launch and end of a container with published ports (an nft start costs
 * milliseconds, its JSON listing more). It writes exactly what nft writes for
 * {@code [ip daddr A] tcp dport P dnat to C:CP} and for the tagged jump (checked against
 * {@code nft --debug=netlink}), so {@link NatTable}'s listings read them as its own. The table
 * and its base chains come from {@link NatTable} (the nft path), made once per network.
 */
final class NatNetlink {

    private static final int FAMILY = NFPROTO_IPV4();
    private static final int TYPE_BASE = NFNL_SUBSYS_NFTABLES() << 8;
    private static final int GETCHAIN = 4;
    private static final int GETRULE = 7;
    private static final int RULE_HANDLE = 3;
    // libnftnl's NFTNL_UDATA_RULE_COMMENT: a comment is the TLV (0, length, text NUL-terminated).
    private static final int UDATA_COMMENT = 0;

    private final String table;

    NatNetlink(String table) {
        this.table = table;
    }

    /**
     * In one transaction: chain {@code chain} (made if missing, emptied), a DNAT rule per port
     * in it, and a jump to it from {@code from} commented {@code comment}. Returns the jump's
     * handle, by which {@link #remove} deletes it.
     *
     * @throws NetlinkException when the kernel refuses (ENOENT: the table or {@code from} is missing)
     */
    long add(String chain, String from, String comment, List<PortRule> rules) {
        List<NetlinkMessage> batch = new ArrayList<>();
        batch.add(chainMessage(NFT_MSG_NEWCHAIN(), linux_netlink_h.NLM_F_CREATE(), "create nft chain", chain));
        batch.add(ruleMessage(NFT_MSG_DELRULE(), 0, "flush nft chain", chain, chain));
        for (PortRule r : rules) {
            NetlinkMessage m = ruleMessage(NFT_MSG_NEWRULE(), linux_netlink_h.NLM_F_CREATE()
                    | linux_netlink_h.NLM_F_APPEND(), "add nft dnat rule", chain, chain);
            int exprs = m.beginNested(NFTA_RULE_EXPRESSIONS());
            dnat(m, r);
            m.end(exprs);
            batch.add(m);
        }
        // At the head of the chain: should a gone container's jump for the same host port be
        // left (a failed release), the newest holder, whose socket owns the port, comes first.
        NetlinkMessage jump = ruleMessage(NFT_MSG_NEWRULE(), linux_netlink_h.NLM_F_CREATE()
                | linux_netlink_h.NLM_F_ECHO(), "add nft jump", from, from + " -> " + chain);
        int exprs = jump.beginNested(NFTA_RULE_EXPRESSIONS());
        expression(jump, "immediate", m -> {
            m.attr(NFTA_IMMEDIATE_DREG(), be32(NFT_REG_VERDICT()));
            int data = m.beginNested(NFTA_IMMEDIATE_DATA());
            int verdict = m.beginNested(NFTA_DATA_VERDICT());
            m.attr(NFTA_VERDICT_CODE(), be32(NFT_JUMP()));
            m.attrString(NFTA_VERDICT_CHAIN(), chain);
            m.end(verdict);
            m.end(data);
        });
        jump.end(exprs);
        jump.attr(NFTA_RULE_USERDATA(), comment(comment));
        batch.add(jump);
        try (NetlinkSocket s = NetlinkSocket.openNetfilter()) {
            for (ByteBuffer echo : s.batch(NFNL_SUBSYS_NFTABLES(), batch)) {
                NetlinkAttributes a = attributes(echo);
                if (a.string(NFTA_RULE_CHAIN()).filter(from::equals).isPresent()) {
                    return a.bytes(RULE_HANDLE).map(b -> ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).getLong())
                            .orElseThrow(() -> new IllegalStateException("nft echoed a rule without a handle"));
                }
            }
        }
        throw new IllegalStateException("nft did not echo the jump into " + chain);
    }

    /** Whether chain {@code chain} exists; false also when the table does not. */
    boolean chainExists(String chain) {
        try (NetlinkSocket s = NetlinkSocket.openNetfilter()) {
            s.get(chainMessage(GETCHAIN, 0, "get nft chain", chain));
            return true;
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENOENT) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Deletes the jump {@code handle} of chain {@code from} (if it still carries {@code comment}:
     * a handle is only unique while the table lives) and chain {@code chain} with its rules.
     *
     * @return false when the jump at {@code handle} is not ours, or is gone while the chain is
     *         not (the caller cleans up from a listing)
     */
    boolean remove(String chain, String from, String comment, long handle) {
        try (NetlinkSocket s = NetlinkSocket.openNetfilter()) {
            boolean ours;
            try {
                NetlinkMessage get = ruleMessage(GETRULE, 0, "get nft rule", from, from + " handle " + handle);
                get.attr(RULE_HANDLE, be64(handle));
                ByteBuffer rule = s.get(get);
                ours = attributes(rule).bytes(NFTA_RULE_USERDATA()).map(u -> Arrays.equals(u, comment(comment)))
                        .orElse(false);
            } catch (NetlinkException e) {
                if (e.errno() != Errno.ENOENT) {
                    throw e;
                }
                // No such jump: removed already, unless its chain is still there.
                return !chainExists(chain);
            }
            if (!ours) {
                return false;
            }
            NetlinkMessage delJump = ruleMessage(NFT_MSG_DELRULE(), 0, "delete nft jump", from, from + " -> " + chain);
            delJump.attr(RULE_HANDLE, be64(handle));
            s.batch(NFNL_SUBSYS_NFTABLES(), List.of(delJump,
                    ruleMessage(NFT_MSG_DELRULE(), 0, "flush nft chain", chain, chain),
                    chainMessage(NFT_MSG_DELCHAIN(), 0, "delete nft chain", chain)));
            return true;
        }
    }

    // [ip daddr A] meta l4proto P th dport HP dnat ip to C:CP, register by register as nft writes it.
    private static void dnat(NetlinkMessage m, PortRule r) {
        if (r.hostIp() != null) {
            payload(m, NFT_PAYLOAD_NETWORK_HEADER(), 16, 4);
            cmpEq(m, r.hostIp().getAddress());
        }
        expression(m, "meta", e -> {
            e.attr(NFTA_META_DREG(), be32(NFT_REG_1()));
            e.attr(NFTA_META_KEY(), be32(NFT_META_L4PROTO()));
        });
        cmpEq(m, new byte[] {(byte) (r.transport() == PortRule.Transport.TCP ? 6 : 17)});
        payload(m, NFT_PAYLOAD_TRANSPORT_HEADER(), 2, 2);
        cmpEq(m, be16(r.hostPort()));
        immediate(m, NFT_REG_1(), r.containerIp().getAddress());
        immediate(m, NFT_REG_2(), be16(r.containerPort()));
        expression(m, "nat", e -> {
            e.attr(NFTA_NAT_TYPE(), be32(NFT_NAT_DNAT()));
            e.attr(NFTA_NAT_FAMILY(), be32(FAMILY));
            e.attr(NFTA_NAT_REG_ADDR_MIN(), be32(NFT_REG_1()));
            e.attr(NFTA_NAT_REG_PROTO_MIN(), be32(NFT_REG_2()));
            e.attr(NFTA_NAT_FLAGS(), be32(NF_NAT_RANGE_PROTO_SPECIFIED()));
        });
    }

    private static void payload(NetlinkMessage m, int base, int offset, int len) {
        expression(m, "payload", e -> {
            e.attr(NFTA_PAYLOAD_DREG(), be32(NFT_REG_1()));
            e.attr(NFTA_PAYLOAD_BASE(), be32(base));
            e.attr(NFTA_PAYLOAD_OFFSET(), be32(offset));
            e.attr(NFTA_PAYLOAD_LEN(), be32(len));
        });
    }

    private static void cmpEq(NetlinkMessage m, byte[] value) {
        expression(m, "cmp", e -> {
            e.attr(NFTA_CMP_SREG(), be32(NFT_REG_1()));
            e.attr(NFTA_CMP_OP(), be32(NFT_CMP_EQ()));
            int data = e.beginNested(NFTA_CMP_DATA());
            e.attr(NFTA_DATA_VALUE(), value);
            e.end(data);
        });
    }

    private static void immediate(NetlinkMessage m, int register, byte[] value) {
        expression(m, "immediate", e -> {
            e.attr(NFTA_IMMEDIATE_DREG(), be32(register));
            int data = e.beginNested(NFTA_IMMEDIATE_DATA());
            e.attr(NFTA_DATA_VALUE(), value);
            e.end(data);
        });
    }

    private static void expression(NetlinkMessage m, String name, java.util.function.Consumer<NetlinkMessage> data) {
        int elem = m.beginNested(NFTA_LIST_ELEM());
        m.attrString(NFTA_EXPR_NAME(), name);
        int d = m.beginNested(NFTA_EXPR_DATA());
        data.accept(m);
        m.end(d);
        m.end(elem);
    }

    private NetlinkMessage chainMessage(int type, int flags, String operation, String chain) {
        NetlinkMessage m = new NetlinkMessage(TYPE_BASE | type, flags, operation, table + " " + chain);
        nfgen(m);
        m.attrString(NFTA_CHAIN_TABLE(), table);
        m.attrString(NFTA_CHAIN_NAME(), chain);
        return m;
    }

    private NetlinkMessage ruleMessage(int type, int flags, String operation, String chain, String object) {
        NetlinkMessage m = new NetlinkMessage(TYPE_BASE | type, flags, operation, table + " " + object);
        nfgen(m);
        m.attrString(NFTA_RULE_TABLE(), table);
        m.attrString(NFTA_RULE_CHAIN(), chain);
        return m;
    }

    // struct nfgenmsg: family, version, res_id (big-endian, 0 inside a batch).
    private static void nfgen(NetlinkMessage m) {
        m.u8(FAMILY).u8(NFNETLINK_V0()).u16(0);
    }

    private static NetlinkAttributes attributes(ByteBuffer message) {
        return NetlinkAttributes.parse(message, NetlinkMessage.HEADER_BYTES + 4, message.limit());
    }

    private static byte[] comment(String text) {
        byte[] s = text.getBytes(StandardCharsets.UTF_8);
        byte[] tlv = new byte[s.length + 3];
        tlv[0] = (byte) UDATA_COMMENT;
        tlv[1] = (byte) (s.length + 1);
        System.arraycopy(s, 0, tlv, 2, s.length);
        return tlv;
    }

    private static byte[] be16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    private static byte[] be32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(v).array();
    }

    private static byte[] be64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(v).array();
    }
}
