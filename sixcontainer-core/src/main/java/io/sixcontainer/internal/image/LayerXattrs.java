package io.sixcontainer.internal.image;

import io.sixcontainer.ffi.Libc;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extended attributes a layer entry carries in its PAX header ({@code SCHILY.xattr.NAME},
 * raw, as GNU tar and Go's archive/tar write them; {@code LIBARCHIVE.xattr.NAME}, base64, as
 * bsdtar adds), applied to the extracted file. Only {@code security.capability} (file
 * capabilities, e.g. ping's cap_net_raw) and {@code user.*} are applied: a layer must never
 * set {@code trusted.*} ({@code trusted.overlay.*} would forge overlayfs whiteouts and
 * redirects, see {@link Whiteouts}) nor {@code user.overlay.*} (the same, for an unprivileged
 * overlay), and {@code security.selinux}-style labels belong to the host's policy.
 */
final class LayerXattrs {

    static final String CAPABILITY = "security.capability";
    private static final String SCHILY = "SCHILY.xattr.";
    private static final String LIBARCHIVE = "LIBARCHIVE.xattr.";
    private static final Logger LOG = LoggerFactory.getLogger(LayerXattrs.class);

    private LayerXattrs() {
    }

    /**
     * Applies the wanted xattrs of {@code entry} to {@code target}. Call after the owner is set:
     * chown(2) clears {@code security.capability}.
     */
    static void apply(Path target, TarArchiveEntry entry) {
        for (Map.Entry<String, byte[]> x : of(entry).entrySet()) {
            if (wanted(x.getKey())) {
                Libc.lsetxattr(target.toString(), x.getKey(), x.getValue(), 0);
            } else {
                LOG.debug("{}: xattr {} not applied", entry.getName(), x.getKey());
            }
        }
    }

    /**
     * Carries the file capabilities of {@code file} into its entry: base64 under
     * {@code LIBARCHIVE.xattr.} (exact, read by bsdtar and by us) and, when the bytes are valid
     * UTF-8 (Commons Compress writes header values as UTF-8 text), raw under {@code SCHILY.xattr.}
     * too, the only spelling Go's archive/tar (docker, containerd) reads.
     */
    static void addCapability(TarArchiveEntry entry, Path file) {
        byte[] value = Libc.lgetxattr(file.toString(), CAPABILITY);
        if (value == null) {
            return;
        }
        entry.addPaxHeader(LIBARCHIVE + CAPABILITY, Base64.getEncoder().encodeToString(value));
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
            entry.addPaxHeader(SCHILY + CAPABILITY, text);
        } catch (CharacterCodingException e) {
            LOG.debug("{}: capability bytes are not UTF-8; written in the libarchive form only", entry.getName());
        }
    }

    static boolean wanted(String name) {
        return name.equals(CAPABILITY) || name.startsWith("user.") && !name.startsWith("user.overlay.");
    }

    /**
     * The xattrs of {@code entry}, by name. A libarchive value (base64, exact) wins over the
     * SCHILY one of the same name, which Commons Compress hands over decoded as UTF-8: a value
     * that was not valid UTF-8 cannot be recovered from it and is skipped with a warning.
     */
    static Map<String, byte[]> of(TarArchiveEntry entry) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Map<String, String> pax = entry.getExtraPaxHeaders();
        for (Map.Entry<String, String> h : pax.entrySet()) {
            if (h.getKey().startsWith(LIBARCHIVE)) {
                String name = java.net.URLDecoder.decode(h.getKey().substring(LIBARCHIVE.length()), StandardCharsets.UTF_8);
                try {
                    out.put(name, Base64.getDecoder().decode(h.getValue().strip()));
                } catch (IllegalArgumentException e) {
                    LOG.warn("{}: xattr {} has a malformed base64 value; not applied", entry.getName(), name);
                }
            }
        }
        for (Map.Entry<String, String> h : pax.entrySet()) {
            if (h.getKey().startsWith(SCHILY)) {
                String name = h.getKey().substring(SCHILY.length());
                if (out.containsKey(name)) {
                    continue;
                }
                if (h.getValue().indexOf('\uFFFD') >= 0) {
                    LOG.warn("{}: xattr {} has a value that is not UTF-8, which cannot be read back exactly; not applied",
                            entry.getName(), name);
                    continue;
                }
                out.put(name, h.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
