package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.testing.RuntimeTestBase;
import org.junit.jupiter.api.Test;

/** Where networks without a named subnet land, read back from what the runtime recorded. */
class NetworkSubnetsTest extends RuntimeTestBase {

    @Test
    void aNetworkWithoutASubnetFindsOneBeyondAWholeSlash16InUse() {
        // As when the default bridge had to move to 10.89.0.0/16 (10.88.0.0/16 taken on the host).
        runtime.createNetwork("wide", "10.89.0.0/16");
        NetworkInfo next = runtime.createNetwork("next");
        assertThat(next.subnet()).isEqualTo("10.90.0.0/24");
        assertThat(next.gateway()).isEqualTo("10.90.0.1");
        assertThat(runtime.createNetwork("after").subnet()).isEqualTo("10.90.1.0/24");
    }
}
