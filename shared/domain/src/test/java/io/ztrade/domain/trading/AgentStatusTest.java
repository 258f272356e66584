package io.ztrade.domain.trading;

import static io.ztrade.domain.trading.AgentStatus.*;
import static io.ztrade.domain.trading.AgentTransition.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgentStatusTest {

    @Test
    void shouldFollowTheLifecycle() {
        assertThat(STOPPED.after(START)).isEqualTo(RUNNING);
        assertThat(RUNNING.after(PAUSE)).isEqualTo(PAUSED);
        assertThat(PAUSED.after(RESUME)).isEqualTo(RUNNING);
        assertThat(RUNNING.after(STOP)).isEqualTo(STOPPED);
        assertThat(PAUSED.after(STOP)).isEqualTo(STOPPED);
        assertThat(RUNNING.after(HALT)).isEqualTo(ERROR);
        assertThat(PAUSED.after(HALT)).isEqualTo(ERROR);
        assertThat(ERROR.after(START)).isEqualTo(RUNNING);
        assertThat(ERROR.after(STOP)).isEqualTo(STOPPED);
    }

    @Test
    void shouldTreatRepeatedCommandsAsNoChange() {
        assertThat(RUNNING.after(START)).isEqualTo(RUNNING);
        assertThat(STOPPED.after(STOP)).isEqualTo(STOPPED);
        assertThat(PAUSED.after(PAUSE)).isEqualTo(PAUSED);
        assertThat(RUNNING.after(RESUME)).isEqualTo(RUNNING);
        assertThat(STOPPED.after(HALT)).isEqualTo(STOPPED);
        assertThat(ERROR.after(HALT)).isEqualTo(ERROR);
    }

    @Test
    void shouldRefuseTransitionsThatMakeNoSense() {
        assertThat(STOPPED.allows(PAUSE)).isFalse();
        assertThat(STOPPED.allows(RESUME)).isFalse();
        assertThat(ERROR.allows(RESUME)).isFalse();
        assertThat(ERROR.allows(PAUSE)).isFalse();
        assertThat(PAUSED.allows(START)).isFalse();
        assertThatThrownBy(() -> PAUSED.after(START)).isInstanceOf(IllegalStateException.class).hasMessageContaining("resume it");
        assertThatThrownBy(() -> STOPPED.after(PAUSE)).hasMessage("cannot pause an agent that is STOPPED");
    }
}
