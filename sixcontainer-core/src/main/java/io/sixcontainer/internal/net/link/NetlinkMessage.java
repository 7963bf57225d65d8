package io.sixcontainer.internal.net.link;

import io.sixcontainer.ffi.libc.linux_netlink_h;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A netlink request being built: the 16-byte {@code nlmsghdr}, the family's fixed struct
 * (written field by field), then attributes, each 4-byte aligned ({@code NLA_ALIGN}), some
 * nested. Native byte order throughout, as the kernel reads it. The message also carries
 * what it asks and of what, so a refusal can name both.
 *
 * <pre>{@code
 * NetlinkMessage m = new NetlinkMessage(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, "create bridge", name);
 * m.u8(AF_UNSPEC).u8(0).u16(0).u32(0).u32(0).u32(0);      // struct ifinfomsg
 * m.attrString(IFLA_IFNAME, name);
 * int info = m.beginNested(IFLA_LINKINFO);
 * m.attrString(IFLA_INFO_KIND, "bridge");
 * m.end(info);
 * }</pre>
 */
public final class NetlinkMessage {

    /** {@code sizeof(struct nlmsghdr)}. */
    public static final int HEADER_BYTES = 16;
    /** {@code sizeof(struct nlattr)}. */
    public static final int ATTR_HEADER_BYTES = 4;

    private final int type;
    private final int flags;
    private final String operation;
    private final String object;
    private ByteBuffer buf = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());

    /**
     * @param type      the message type, e.g. {@code RTM_NEWLINK}
     * @param flags     the flags beyond {@code NLM_F_REQUEST}/{@code NLM_F_ACK}/{@code NLM_F_DUMP},
     *                  which the socket adds, e.g. {@code NLM_F_CREATE | NLM_F_EXCL}
     * @param operation what the message asks, for errors, e.g. {@code create bridge}
     * @param object    what it asks it of, for errors: a link name, an address
     */
    public NetlinkMessage(int type, int flags, String operation, String object) {
        this.type = type;
        this.flags = flags;
        this.operation = operation;
        this.object = object;
        buf.position(HEADER_BYTES);
    }

    /** {@code NLA_ALIGN} / {@code NLMSG_ALIGN}: rounds up to a multiple of 4. */
    public static int align(int length) {
        int to = linux_netlink_h.NLMSG_ALIGNTO();
        return (length + to - 1) & -to;
    }

    /** Appends an unsigned byte (a field of the fixed struct). */
    public NetlinkMessage u8(int value) {
        ensure(1).put((byte) value);
        return this;
    }

    /** Appends a 16-bit field. */
    public NetlinkMessage u16(int value) {
        ensure(2).putShort((short) value);
        return this;
    }

    /** Appends a 32-bit field. */
    public NetlinkMessage u32(int value) {
        ensure(4).putInt(value);
        return this;
    }

    /** Appends attribute {@code type} holding {@code payload} (padded to 4). */
    public NetlinkMessage attr(int type, byte[] payload) {
        int start = beginAttr(type);
        ensure(payload.length).put(payload);
        return end(start);
    }

    /** Appends a NUL-terminated string attribute. */
    public NetlinkMessage attrString(int type, String value) {
        byte[] s = value.getBytes(StandardCharsets.UTF_8);
        return attr(type, Arrays.copyOf(s, s.length + 1));
    }

    /** Appends a 32-bit attribute. */
    public NetlinkMessage attrU32(int type, int value) {
        int start = beginAttr(type);
        u32(value);
        return end(start);
    }

    /**
     * Opens attribute {@code type} whose payload is further attributes ({@code NLA_F_NESTED}
     * set); returns its offset, for {@link #end}.
     */
    public int beginNested(int type) {
        return beginAttr(type | linux_netlink_h.NLA_F_NESTED());
    }

    /**
     * Opens attribute {@code type} whose payload the caller writes (a struct, then maybe
     * attributes, as {@code VETH_INFO_PEER} holds); returns its offset, for {@link #end}.
     */
    public int beginAttr(int type) {
        pad();
        int start = buf.position();
        ensure(ATTR_HEADER_BYTES).putShort((short) 0).putShort((short) type);
        return start;
    }

    /** Closes the attribute opened at {@code start}: its length now covers all written since. */
    public NetlinkMessage end(int start) {
        buf.putShort(start, (short) (buf.position() - start));
        pad();
        return this;
    }

    /** The message type. */
    public int type() {
        return type;
    }

    /** What the message asks, e.g. {@code create bridge}. */
    public String operation() {
        return operation;
    }

    /** What it asks it of: a link name, an address. */
    public String object() {
        return object;
    }

    /**
     * The message as sent: length, type, the flags given here and {@code extraFlags},
     * sequence number {@code seq}, port 0 (the kernel fills in the sender's).
     */
    public byte[] toBytes(int extraFlags, int seq) {
        pad();
        int length = buf.position();
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        out.put(buf.array(), 0, length).rewind();
        out.putInt(0, length).putShort(4, (short) type).putShort(6, (short) (flags | extraFlags))
                .putInt(8, seq).putInt(12, 0);
        return out.array();
    }

    private void pad() {
        int padded = align(buf.position());
        while (buf.position() < padded) {
            ensure(1).put((byte) 0);
        }
    }

    private ByteBuffer ensure(int more) {
        if (buf.remaining() < more) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + more))
                    .order(ByteOrder.nativeOrder());
            bigger.put(buf.array(), 0, buf.position());
            buf = bigger;
        }
        return buf;
    }
}
