package io.sixcontainer.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (ServiceLoader + autodetection): fails the class if it
 * left a mount, a helper process or a descriptor behind.
 */
public final class LeakCheckExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LeakCheckExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("before", HostSnapshot.take());
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        HostSnapshot before = context.getStore(NS).get("before", HostSnapshot.class);
        List<String> leaks = before.leaksIn(HostSnapshot.take());
        // Reaper threads close their descriptors just after waitFor() returns; give them a moment.
        for (int i = 0; i < 50 && !leaks.isEmpty(); i++) {
            Thread.sleep(100);
            leaks = before.leaksIn(HostSnapshot.take());
        }
        if (!leaks.isEmpty()) {
            fail(context.getDisplayName() + " left behind:\n  " + String.join("\n  ", leaks));
        }
    }
}
