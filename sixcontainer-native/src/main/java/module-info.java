/**
 * The native boundary of sixcontainer: libc bindings in jextract's layout, errno turned into
 * exceptions, and the packaged C helper. Internal to sixcontainer; not an API.
 */
module io.sixcontainer.ffi {
    exports io.sixcontainer.ffi to io.sixcontainer.core;
    exports io.sixcontainer.ffi.libc to io.sixcontainer.core;
}
