// Generated in jextract's layout from <linux/netfilter/nf_tables.h>, <linux/netfilter/nfnetlink.h>,
// <linux/netfilter.h> and <linux/netfilter/nf_nat.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

/**
 * Bindings for nftables' netlink protocol: the message types, attributes and enum values a
 * client needs to add and delete chains and DNAT rules. Every u32 attribute of nf_tables is
 * big-endian on the wire.
 */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class linux_nf_tables_h {

    private linux_nf_tables_h() {
    }

    private static final int NFNL_SUBSYS_NFTABLES = 10;

    /** {@snippet lang=c : NFNL_SUBSYS_NFTABLES = 10} */
    public static int NFNL_SUBSYS_NFTABLES() {
        return NFNL_SUBSYS_NFTABLES;
    }

    private static final int NFNL_MSG_BATCH_BEGIN = 16;

    /** {@snippet lang=c : NFNL_MSG_BATCH_BEGIN = 16} */
    public static int NFNL_MSG_BATCH_BEGIN() {
        return NFNL_MSG_BATCH_BEGIN;
    }

    private static final int NFNL_MSG_BATCH_END = 17;

    /** {@snippet lang=c : NFNL_MSG_BATCH_END = 17} */
    public static int NFNL_MSG_BATCH_END() {
        return NFNL_MSG_BATCH_END;
    }

    private static final int NFNETLINK_V0 = 0;

    /** {@snippet lang=c : NFNETLINK_V0 = 0} */
    public static int NFNETLINK_V0() {
        return NFNETLINK_V0;
    }

    private static final int NFPROTO_IPV4 = 2;

    /** {@snippet lang=c : NFPROTO_IPV4 = 2} */
    public static int NFPROTO_IPV4() {
        return NFPROTO_IPV4;
    }

    private static final int NFT_MSG_NEWCHAIN = 3;

    /** {@snippet lang=c : NFT_MSG_NEWCHAIN = 3} */
    public static int NFT_MSG_NEWCHAIN() {
        return NFT_MSG_NEWCHAIN;
    }

    private static final int NFT_MSG_DELCHAIN = 5;

    /** {@snippet lang=c : NFT_MSG_DELCHAIN = 5} */
    public static int NFT_MSG_DELCHAIN() {
        return NFT_MSG_DELCHAIN;
    }

    private static final int NFT_MSG_NEWRULE = 6;

    /** {@snippet lang=c : NFT_MSG_NEWRULE = 6} */
    public static int NFT_MSG_NEWRULE() {
        return NFT_MSG_NEWRULE;
    }

    private static final int NFT_MSG_DELRULE = 8;

    /** {@snippet lang=c : NFT_MSG_DELRULE = 8} */
    public static int NFT_MSG_DELRULE() {
        return NFT_MSG_DELRULE;
    }

    private static final int NFTA_CHAIN_TABLE = 1;

    /** {@snippet lang=c : NFTA_CHAIN_TABLE = 1} */
    public static int NFTA_CHAIN_TABLE() {
        return NFTA_CHAIN_TABLE;
    }

    private static final int NFTA_CHAIN_NAME = 3;

    /** {@snippet lang=c : NFTA_CHAIN_NAME = 3} */
    public static int NFTA_CHAIN_NAME() {
        return NFTA_CHAIN_NAME;
    }

    private static final int NFTA_RULE_TABLE = 1;

    /** {@snippet lang=c : NFTA_RULE_TABLE = 1} */
    public static int NFTA_RULE_TABLE() {
        return NFTA_RULE_TABLE;
    }

    private static final int NFTA_RULE_CHAIN = 2;

    /** {@snippet lang=c : NFTA_RULE_CHAIN = 2} */
    public static int NFTA_RULE_CHAIN() {
        return NFTA_RULE_CHAIN;
    }

    private static final int NFTA_RULE_EXPRESSIONS = 4;

    /** {@snippet lang=c : NFTA_RULE_EXPRESSIONS = 4} */
    public static int NFTA_RULE_EXPRESSIONS() {
        return NFTA_RULE_EXPRESSIONS;
    }

    private static final int NFTA_RULE_USERDATA = 7;

    /** {@snippet lang=c : NFTA_RULE_USERDATA = 7} */
    public static int NFTA_RULE_USERDATA() {
        return NFTA_RULE_USERDATA;
    }

    private static final int NFTA_LIST_ELEM = 1;

    /** {@snippet lang=c : NFTA_LIST_ELEM = 1} */
    public static int NFTA_LIST_ELEM() {
        return NFTA_LIST_ELEM;
    }

    private static final int NFTA_EXPR_NAME = 1;

    /** {@snippet lang=c : NFTA_EXPR_NAME = 1} */
    public static int NFTA_EXPR_NAME() {
        return NFTA_EXPR_NAME;
    }

    private static final int NFTA_EXPR_DATA = 2;

    /** {@snippet lang=c : NFTA_EXPR_DATA = 2} */
    public static int NFTA_EXPR_DATA() {
        return NFTA_EXPR_DATA;
    }

    private static final int NFTA_META_DREG = 1;

    /** {@snippet lang=c : NFTA_META_DREG = 1} */
    public static int NFTA_META_DREG() {
        return NFTA_META_DREG;
    }

    private static final int NFTA_META_KEY = 2;

    /** {@snippet lang=c : NFTA_META_KEY = 2} */
    public static int NFTA_META_KEY() {
        return NFTA_META_KEY;
    }

    private static final int NFT_META_L4PROTO = 16;

    /** {@snippet lang=c : NFT_META_L4PROTO = 16} */
    public static int NFT_META_L4PROTO() {
        return NFT_META_L4PROTO;
    }

    private static final int NFTA_CMP_SREG = 1;

    /** {@snippet lang=c : NFTA_CMP_SREG = 1} */
    public static int NFTA_CMP_SREG() {
        return NFTA_CMP_SREG;
    }

    private static final int NFTA_CMP_OP = 2;

    /** {@snippet lang=c : NFTA_CMP_OP = 2} */
    public static int NFTA_CMP_OP() {
        return NFTA_CMP_OP;
    }

    private static final int NFTA_CMP_DATA = 3;

    /** {@snippet lang=c : NFTA_CMP_DATA = 3} */
    public static int NFTA_CMP_DATA() {
        return NFTA_CMP_DATA;
    }

    private static final int NFT_CMP_EQ = 0;

    /** {@snippet lang=c : NFT_CMP_EQ = 0} */
    public static int NFT_CMP_EQ() {
        return NFT_CMP_EQ;
    }

    private static final int NFTA_DATA_VALUE = 1;

    /** {@snippet lang=c : NFTA_DATA_VALUE = 1} */
    public static int NFTA_DATA_VALUE() {
        return NFTA_DATA_VALUE;
    }

    private static final int NFTA_DATA_VERDICT = 2;

    /** {@snippet lang=c : NFTA_DATA_VERDICT = 2} */
    public static int NFTA_DATA_VERDICT() {
        return NFTA_DATA_VERDICT;
    }

    private static final int NFTA_VERDICT_CODE = 1;

    /** {@snippet lang=c : NFTA_VERDICT_CODE = 1} */
    public static int NFTA_VERDICT_CODE() {
        return NFTA_VERDICT_CODE;
    }

    private static final int NFTA_VERDICT_CHAIN = 2;

    /** {@snippet lang=c : NFTA_VERDICT_CHAIN = 2} */
    public static int NFTA_VERDICT_CHAIN() {
        return NFTA_VERDICT_CHAIN;
    }

    private static final int NFTA_PAYLOAD_DREG = 1;

    /** {@snippet lang=c : NFTA_PAYLOAD_DREG = 1} */
    public static int NFTA_PAYLOAD_DREG() {
        return NFTA_PAYLOAD_DREG;
    }

    private static final int NFTA_PAYLOAD_BASE = 2;

    /** {@snippet lang=c : NFTA_PAYLOAD_BASE = 2} */
    public static int NFTA_PAYLOAD_BASE() {
        return NFTA_PAYLOAD_BASE;
    }

    private static final int NFTA_PAYLOAD_OFFSET = 3;

    /** {@snippet lang=c : NFTA_PAYLOAD_OFFSET = 3} */
    public static int NFTA_PAYLOAD_OFFSET() {
        return NFTA_PAYLOAD_OFFSET;
    }

    private static final int NFTA_PAYLOAD_LEN = 4;

    /** {@snippet lang=c : NFTA_PAYLOAD_LEN = 4} */
    public static int NFTA_PAYLOAD_LEN() {
        return NFTA_PAYLOAD_LEN;
    }

    private static final int NFT_PAYLOAD_NETWORK_HEADER = 1;

    /** {@snippet lang=c : NFT_PAYLOAD_NETWORK_HEADER = 1} */
    public static int NFT_PAYLOAD_NETWORK_HEADER() {
        return NFT_PAYLOAD_NETWORK_HEADER;
    }

    private static final int NFT_PAYLOAD_TRANSPORT_HEADER = 2;

    /** {@snippet lang=c : NFT_PAYLOAD_TRANSPORT_HEADER = 2} */
    public static int NFT_PAYLOAD_TRANSPORT_HEADER() {
        return NFT_PAYLOAD_TRANSPORT_HEADER;
    }

    private static final int NFTA_IMMEDIATE_DREG = 1;

    /** {@snippet lang=c : NFTA_IMMEDIATE_DREG = 1} */
    public static int NFTA_IMMEDIATE_DREG() {
        return NFTA_IMMEDIATE_DREG;
    }

    private static final int NFTA_IMMEDIATE_DATA = 2;

    /** {@snippet lang=c : NFTA_IMMEDIATE_DATA = 2} */
    public static int NFTA_IMMEDIATE_DATA() {
        return NFTA_IMMEDIATE_DATA;
    }

    private static final int NFTA_NAT_TYPE = 1;

    /** {@snippet lang=c : NFTA_NAT_TYPE = 1} */
    public static int NFTA_NAT_TYPE() {
        return NFTA_NAT_TYPE;
    }

    private static final int NFTA_NAT_FAMILY = 2;

    /** {@snippet lang=c : NFTA_NAT_FAMILY = 2} */
    public static int NFTA_NAT_FAMILY() {
        return NFTA_NAT_FAMILY;
    }

    private static final int NFTA_NAT_REG_ADDR_MIN = 3;

    /** {@snippet lang=c : NFTA_NAT_REG_ADDR_MIN = 3} */
    public static int NFTA_NAT_REG_ADDR_MIN() {
        return NFTA_NAT_REG_ADDR_MIN;
    }

    private static final int NFTA_NAT_REG_PROTO_MIN = 5;

    /** {@snippet lang=c : NFTA_NAT_REG_PROTO_MIN = 5} */
    public static int NFTA_NAT_REG_PROTO_MIN() {
        return NFTA_NAT_REG_PROTO_MIN;
    }

    private static final int NFTA_NAT_FLAGS = 7;

    /** {@snippet lang=c : NFTA_NAT_FLAGS = 7} */
    public static int NFTA_NAT_FLAGS() {
        return NFTA_NAT_FLAGS;
    }

    private static final int NFT_NAT_DNAT = 1;

    /** {@snippet lang=c : NFT_NAT_DNAT = 1} */
    public static int NFT_NAT_DNAT() {
        return NFT_NAT_DNAT;
    }

    private static final int NFT_REG_VERDICT = 0;

    /** {@snippet lang=c : NFT_REG_VERDICT = 0} */
    public static int NFT_REG_VERDICT() {
        return NFT_REG_VERDICT;
    }

    private static final int NFT_REG_1 = 1;

    /** {@snippet lang=c : NFT_REG_1 = 1} */
    public static int NFT_REG_1() {
        return NFT_REG_1;
    }

    private static final int NFT_REG_2 = 2;

    /** {@snippet lang=c : NFT_REG_2 = 2} */
    public static int NFT_REG_2() {
        return NFT_REG_2;
    }

    private static final int NFT_JUMP = -3;

    /** {@snippet lang=c : NFT_JUMP = -3} */
    public static int NFT_JUMP() {
        return NFT_JUMP;
    }

    private static final int NF_NAT_RANGE_MAP_IPS = 1;

    /** {@snippet lang=c : NF_NAT_RANGE_MAP_IPS = 1} */
    public static int NF_NAT_RANGE_MAP_IPS() {
        return NF_NAT_RANGE_MAP_IPS;
    }

    private static final int NF_NAT_RANGE_PROTO_SPECIFIED = 2;

    /** {@snippet lang=c : NF_NAT_RANGE_PROTO_SPECIFIED = 2} */
    public static int NF_NAT_RANGE_PROTO_SPECIFIED() {
        return NF_NAT_RANGE_PROTO_SPECIFIED;
    }
}
