package io.sixcontainer.internal.net.link;

import static io.sixcontainer.ffi.libc.linux_netlink_h.NETLINK_CAP_ACK;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NETLINK_EXT_ACK;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NETLINK_ROUTE;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NLMSGERR_ATTR_MSG;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NLMSG_DONE;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NLMSG_ERROR;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NLM_F_ACK;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NLM_F_ACK_TLVS;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NLM_F_CAPPED;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NLM_F_DUMP;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NLM_F_DUMP_INTR;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NLM_F_REQUEST;

import io.sixcontainer.ffi.Errno;
import io.sixcontainer.ffi.ErrnoException;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.Netns;
import io.sixcontainer.ffi.Sockets;
import io.sixcontainer.ffi.libc.linux_netlink_h;
import io.sixcontainer.ffi.libc.linux_nf_tables_h;
import io.sixcontainer.ffi.libc.sys_socket_h;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code NETLINK_ROUTE} socket (close-on-exec) talking to the kernel of the network
 * namespace it was opened in: it stays there whatever thread uses it later. Each exchange
 * sends one request with a fresh sequence number and reads only the answers carrying it;
 * a negative error becomes a {@link NetlinkException} naming the request's operation and
 * object. Calls are serialized; a socket is meant for one short series of operations.
 */
public final class NetlinkSocket implements AutoCloseable {

    /** How long the kernel may take to answer before an exchange fails with ETIMEDOUT. */
    static final int ANSWER_TIMEOUT_MILLIS = 10_000;
    private static final int DUMP_ATTEMPTS = 5;

    private final int fd;
    private int seq;
    private boolean closed;

    private NetlinkSocket(int fd) {
        this.fd = fd;
        this.seq = (int) (System.nanoTime() & 0x3fffffff);
    }

    /** Opens a socket in the calling thread's network namespace (the host's, for the runtime). */
    public static NetlinkSocket open() {
        return configure(Sockets.netlinkSocket(NETLINK_ROUTE()));
    }

    /** Opens a netfilter socket (nftables' protocol) in the calling thread's network namespace. */
    public static NetlinkSocket openNetfilter() {
        return configure(Sockets.netlinkSocket(linux_netlink_h.NETLINK_NETFILTER()));
    }

    /**
     * Opens a socket in the network namespace {@code netnsFd} refers to; the socket is created
     * on a short-lived thread that joins that namespace and then ends, so the calling thread
     * (and every other) stays where it was, whatever fails.
     */
    public static NetlinkSocket openIn(int netnsFd) {
        return configure(Netns.callIn(netnsFd, () -> Sockets.netlinkSocket(NETLINK_ROUTE())));
    }

    private static NetlinkSocket configure(int fd) {
        try {
            // Both are refinements: the kernel's reason in the error, and no copy of our request in it.
            optional(fd, NETLINK_EXT_ACK(), "NETLINK_EXT_ACK");
            optional(fd, NETLINK_CAP_ACK(), "NETLINK_CAP_ACK");
            return new NetlinkSocket(fd);
        } catch (RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    private static void optional(int fd, int option, String name) {
        try {
            Sockets.setIntOption(fd, sys_socket_h.SOL_NETLINK(), option, 1, name);
        } catch (ErrnoException e) {
            if (e.errno() != Errno.ENOPROTOOPT) {
                throw e;
            }
        }
    }

    /** Sends {@code message} asking for an acknowledgement and waits for it. */
    public synchronized void request(NetlinkMessage message) {
        exchange(message, NLM_F_ACK());
    }

    /**
     * Sends {@code message} (a get of one object) and returns the one answer, a whole
     * netlink message (header included) in native byte order.
     */
    public synchronized ByteBuffer get(NetlinkMessage message) {
        List<ByteBuffer> replies = exchange(message, NLM_F_ACK()).messages();
        if (replies.size() != 1) {
            throw new IllegalStateException(message.operation() + "(" + message.object() + "): "
                    + replies.size() + " answers to a request for one");
        }
        return replies.getFirst();
    }

    /**
     * Sends {@code message} as a dump request ({@code NLM_F_DUMP}) and returns every message of
     * the multipart answer up to {@code NLMSG_DONE}. A dump the kernel marks inconsistent (the
     * objects changed meanwhile) is asked again.
     */
    public synchronized List<ByteBuffer> dump(NetlinkMessage message) {
        for (int attempt = 1; ; attempt++) {
            Answer answer = exchange(message, NLM_F_DUMP());
            if (!answer.interrupted() || attempt == DUMP_ATTEMPTS) {
                return answer.messages();
            }
        }
    }

    /**
     * Sends {@code messages} as one nfnetlink batch of subsystem {@code subsystem} (between
     * {@code NFNL_MSG_BATCH_BEGIN} and {@code _END}, one datagram): the kernel applies all of
     * them or none. Each asks for an acknowledgement; the first error fails the whole call,
     * naming its message. Returns the other answers (those {@code NLM_F_ECHO} asked for).
     */
    public synchronized List<ByteBuffer> batch(int subsystem, List<NetlinkMessage> messages) {
        if (closed) {
            throw new IllegalStateException("netlink socket closed");
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.util.Map<Integer, NetlinkMessage> pending = new java.util.HashMap<>();
        // Errors of the batch as a whole (no permission, no nf_tables) come on BEGIN's number.
        NetlinkMessage begin = batchMark(linux_nf_tables_h.NFNL_MSG_BATCH_BEGIN(), subsystem);
        int beginSeq = nextSeq();
        out.writeBytes(begin.toBytes(NLM_F_REQUEST(), beginSeq));
        for (NetlinkMessage m : messages) {
            int s = nextSeq();
            pending.put(s, m);
            out.writeBytes(m.toBytes(NLM_F_REQUEST() | NLM_F_ACK(), s));
        }
        out.writeBytes(batchMark(linux_nf_tables_h.NFNL_MSG_BATCH_END(), subsystem).toBytes(NLM_F_REQUEST(), nextSeq()));
        Sockets.sendToKernel(fd, out.toByteArray());
        List<ByteBuffer> echoes = new ArrayList<>();
        NetlinkMessage first = messages.getFirst();
        while (!pending.isEmpty()) {
            for (ByteBuffer one : receive(first)) {
                int len = one.limit();
                NetlinkMessage asked = pending.get(one.getInt(8));
                if (asked == null && one.getInt(8) == beginSeq) {
                    asked = begin;
                }
                if (asked == null) {
                    continue;
                }
                if (Short.toUnsignedInt(one.getShort(4)) != NLMSG_ERROR()) {
                    echoes.add(one);
                    continue;
                }
                int error = len >= NetlinkMessage.HEADER_BYTES + 4 ? one.getInt(NetlinkMessage.HEADER_BYTES) : 0;
                if (error < 0) {
                    throw new NetlinkException(asked.operation(), asked.object(), -error,
                            kernelReason(one, Short.toUnsignedInt(one.getShort(6))));
                }
                pending.remove(one.getInt(8));
            }
        }
        return echoes;
    }

    // A batch's begin or end: an nfgenmsg naming the subsystem (res_id, big-endian).
    private static NetlinkMessage batchMark(int type, int subsystem) {
        return new NetlinkMessage(type, 0, "nfnetlink batch", "subsystem " + subsystem).u8(0).u8(0)
                .u8(subsystem >>> 8).u8(subsystem);
    }

    private int nextSeq() {
        seq = seq == Integer.MAX_VALUE ? 1 : seq + 1;
        return seq;
    }

    private record Answer(List<ByteBuffer> messages, boolean interrupted) {
    }

    private Answer exchange(NetlinkMessage message, int flags) {
        if (closed) {
            throw new IllegalStateException("netlink socket closed");
        }
        int expected = nextSeq();
        Sockets.sendToKernel(fd, message.toBytes(NLM_F_REQUEST() | flags, expected));
        List<ByteBuffer> messages = new ArrayList<>();
        boolean interrupted = false;
        while (true) {
            for (ByteBuffer one : receive(message)) {
                int len = one.limit();
                // Answers to an earlier request that gave up (timed out) are not ours.
                if (one.getInt(8) != expected) {
                    continue;
                }
                int type = Short.toUnsignedInt(one.getShort(4));
                int msgFlags = Short.toUnsignedInt(one.getShort(6));
                if (type == NLMSG_ERROR() || type == NLMSG_DONE()) {
                    int error = len >= NetlinkMessage.HEADER_BYTES + 4 ? one.getInt(NetlinkMessage.HEADER_BYTES) : 0;
                    if (error < 0) {
                        throw new NetlinkException(message.operation(), message.object(), -error,
                                type == NLMSG_ERROR() ? kernelReason(one, msgFlags) : "");
                    }
                    return new Answer(messages, interrupted);
                }
                interrupted |= (msgFlags & NLM_F_DUMP_INTR()) != 0;
                messages.add(one);
            }
        }
    }

    /** The messages of the next datagram from the kernel, each a slice in native byte order. */
    private List<ByteBuffer> receive(NetlinkMessage about) {
        if (!Libc.pollReadable(fd, ANSWER_TIMEOUT_MILLIS)) {
            throw new NetlinkException(about.operation(), about.object(), Errno.ETIMEDOUT,
                    "no answer from the kernel in " + ANSWER_TIMEOUT_MILLIS + " ms");
        }
        ByteBuffer datagram = ByteBuffer.wrap(Sockets.receiveFromKernel(fd)).order(ByteOrder.nativeOrder());
        List<ByteBuffer> out = new ArrayList<>();
        int at = 0;
        while (at + NetlinkMessage.HEADER_BYTES <= datagram.limit()) {
            int len = datagram.getInt(at);
            if (len < NetlinkMessage.HEADER_BYTES || at + len > datagram.limit()) {
                throw new IllegalStateException(about.operation() + "(" + about.object()
                        + "): malformed netlink answer (length " + len + ")");
            }
            out.add(datagram.slice(at, len).order(ByteOrder.nativeOrder()));
            at += NetlinkMessage.align(len);
        }
        return out;
    }

    /** The extended ack's message: after the error and the echoed request (its header only when capped). */
    private static String kernelReason(ByteBuffer error, int flags) {
        if ((flags & NLM_F_ACK_TLVS()) == 0) {
            return "";
        }
        int echoed = NetlinkMessage.HEADER_BYTES + 4;
        if (error.limit() < echoed + NetlinkMessage.HEADER_BYTES) {
            return "";
        }
        int request = (flags & NLM_F_CAPPED()) != 0 ? NetlinkMessage.HEADER_BYTES : error.getInt(echoed);
        int tlvs = echoed + NetlinkMessage.align(request);
        return tlvs >= error.limit() ? ""
                : NetlinkAttributes.parse(error, tlvs, error.limit()).string(NLMSGERR_ATTR_MSG()).orElse("");
    }

    /** Closes the socket; later calls fail. Closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }
}
