/**
 * sixcontainer: run Linux containers straight from the JVM, with no daemon.
 * The API is the package {@code io.sixcontainer}; everything else is internal.
 */
module io.sixcontainer.core {
    requires io.sixcontainer.ffi;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.compress;
    requires com.github.luben.zstd_jni;
    requires java.net.http;

    exports io.sixcontainer;
}
