package io.sixcontainer.internal.net.link;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The attributes of a received netlink message (or of a nested attribute), by type. A
 * repeated type keeps its last value; the nested and byte-order flags are masked off the
 * type. A malformed attribute ends the parse, as the kernel's own parser would refuse it.
 */
public final class NetlinkAttributes {

    // NLA_TYPE_MASK: ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER)
    private static final int TYPE_MASK = 0x3fff;

    private final Map<Integer, ByteBuffer> byType;

    private NetlinkAttributes(Map<Integer, ByteBuffer> byType) {
        this.byType = byType;
    }

    /** Parses the attributes in {@code message[from, to)}. */
    public static NetlinkAttributes parse(ByteBuffer message, int from, int to) {
        Map<Integer, ByteBuffer> map = new HashMap<>();
        int at = from;
        while (at + NetlinkMessage.ATTR_HEADER_BYTES <= to) {
            int len = Short.toUnsignedInt(message.getShort(at));
            int type = Short.toUnsignedInt(message.getShort(at + 2)) & TYPE_MASK;
            if (len < NetlinkMessage.ATTR_HEADER_BYTES || at + len > to) {
                break;
            }
            map.put(type, message.slice(at + NetlinkMessage.ATTR_HEADER_BYTES, len - NetlinkMessage.ATTR_HEADER_BYTES)
                    .order(ByteOrder.nativeOrder()));
            at += NetlinkMessage.align(len);
        }
        return new NetlinkAttributes(map);
    }

    /** The payload of attribute {@code type}, if present. */
    public Optional<ByteBuffer> payload(int type) {
        return Optional.ofNullable(byType.get(type)).map(ByteBuffer::duplicate)
                .map(b -> b.order(ByteOrder.nativeOrder()));
    }

    /** A string attribute, without its terminating NUL. */
    public Optional<String> string(int type) {
        return bytes(type).map(b -> {
            int n = 0;
            while (n < b.length && b[n] != 0) {
                n++;
            }
            return new String(b, 0, n, StandardCharsets.UTF_8);
        });
    }

    /** A 32-bit attribute. */
    public OptionalInt u32(int type) {
        ByteBuffer b = byType.get(type);
        return b == null || b.remaining() < 4 ? OptionalInt.empty() : OptionalInt.of(b.getInt(0));
    }

    /** The raw payload bytes. */
    public Optional<byte[]> bytes(int type) {
        return payload(type).map(b -> {
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        });
    }

    /** A nested attribute's own attributes. */
    public Optional<NetlinkAttributes> nested(int type) {
        return payload(type).map(b -> parse(b, 0, b.limit()));
    }
}
