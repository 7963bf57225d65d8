/**
 * sixcontainer: run Linux containers straight from the JVM, with no daemon.
 * The API is the package {@code io.sixcontainer}; everything else is internal.
 */
module io.sixcontainer.core {
    requires io.sixcontainer.ffi;
    requires org.slf4j;

    exports io.sixcontainer;
}
