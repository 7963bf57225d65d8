package io.sixcontainer.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.ExitStatus;
import io.sixcontainer.internal.launch.Protocol.Event;
import org.junit.jupiter.api.Test;

/** The event lines of fd 4 (docs/protocol.md, "Monitor events"). Needs no root. */
class MonitorEventTest {

    @Test
    void parsesEveryKind() {
        assertThat(MonitorEvent.parse("pid 42 1234\n")).isEqualTo(new MonitorEvent(Event.PID, 42, "", 1234));
        assertThat(MonitorEvent.parse("pid 42")).isEqualTo(new MonitorEvent(Event.PID, 42, "", 0));
        assertThat(MonitorEvent.parse("exit 3").exitStatus()).isEqualTo(ExitStatus.exited(3));
        assertThat(MonitorEvent.parse("signal 9").exitStatus()).isEqualTo(ExitStatus.signaled(9));
        assertThat(MonitorEvent.parse("error clone 22")).isEqualTo(new MonitorEvent(Event.ERROR, 22, "clone", 0));
        assertThat(MonitorEvent.parse("pid 42").isExit()).isFalse();
    }

    @Test
    void anUnknownKindIsNamed() {
        assertThatThrownBy(() -> MonitorEvent.parse("started 42"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'started 42'")
                .hasMessageContaining("unknown event kind 'started'");
    }

    @Test
    void aMalformedLineIsRefused() {
        assertThatThrownBy(() -> MonitorEvent.parse("exit")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'exit'");
        assertThatThrownBy(() -> MonitorEvent.parse("pid x")).isInstanceOf(IllegalStateException.class);
    }
}
