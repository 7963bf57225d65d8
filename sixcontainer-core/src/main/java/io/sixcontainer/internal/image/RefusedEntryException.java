package io.sixcontainer.internal.image;

import java.io.IOException;

/** A tar entry that extraction refuses: it would escape the layer or is not something a layer may hold. */
final class RefusedEntryException extends IOException {

    private static final long serialVersionUID = 1L;

    RefusedEntryException(String message) {
        super(message);
    }
}
