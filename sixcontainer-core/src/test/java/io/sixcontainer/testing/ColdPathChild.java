package io.sixcontainer.testing;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.ContainerRuntime;
import java.nio.file.Path;

/**
 * A fresh JVM doing what {@code sixc run --rm busybox /bin/true} and {@code sixc ps -a} do,
 * and the same on a stored image: {@code ROOT IMAGE}. Prints "ok" when every container
 * exited 0 and is gone.
 */
public final class ColdPathChild {

    private ColdPathChild() {
    }

    /** See the class comment. */
    public static void main(String[] args) {
        try (ContainerRuntime runtime = ContainerRuntime.open(Path.of(args[0]))) {
            ContainerSpec.Builder builder = ContainerSpec.builder();
            try (Container c = runtime.launch(builder.image("busybox").command("/bin/true").autoRemove(true).build())) {
                check(c.waitFor());
            }
            try (Container c = runtime.launch(ContainerSpec.builder().image(args[1]).command("/bin/true").build())) {
                check(c.waitFor());
                if (runtime.list().stream().noneMatch(i -> i.id().equals(c.id()))) {
                    throw new IllegalStateException("not listed: " + c.id());
                }
                c.remove(false);
            }
            if (!runtime.list().isEmpty()) {
                throw new IllegalStateException("left: " + runtime.list());
            }
        }
        System.out.println("ok");
    }

    private static void check(ExitStatus s) {
        if (!s.equals(ExitStatus.exited(0))) {
            throw new IllegalStateException("exited " + s);
        }
    }
}
