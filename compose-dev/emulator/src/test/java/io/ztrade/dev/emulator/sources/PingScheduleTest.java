package io.ztrade.dev.emulator.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PingScheduleTest {

    @Test
    void takesFiveFieldCronAndTheTimezone() {
        PingSchedule s = PingSchedule.parse("30 2 * * 1-5", "America/New_York");
        assertThat(s.cron()).isEqualTo("30 2 * * 1-5");
        assertThat(s.zone()).isEqualTo("America/New_York");
        assertThat(s.interval()).isNull();
    }

    @Test
    void defaultsToEveryMinuteInTheSystemZone() {
        PingSchedule s = PingSchedule.parse(null, null);
        assertThat(s.cron()).isEqualTo("* * * * *");
        assertThat(s.zone()).isNull();
    }

    @Test
    void readsTheCronTzPrefixButTheTimezoneFieldWins() {
        assertThat(PingSchedule.parse("CRON_TZ=Europe/Zurich 0 9 * * *", null).zone()).isEqualTo("Europe/Zurich");
        assertThat(PingSchedule.parse("CRON_TZ=Europe/Zurich 0 9 * * *", "Asia/Tokyo").zone()).isEqualTo("Asia/Tokyo");
        assertThat(PingSchedule.parse("TZ=UTC 0 9 * * *", null).cron()).isEqualTo("0 9 * * *");
    }

    @Test
    void expandsDescriptorsAndEvery() {
        assertThat(PingSchedule.parse("@hourly", null).cron()).isEqualTo("0 * * * *");
        assertThat(PingSchedule.parse("@daily", null).cron()).isEqualTo("0 0 * * *");
        assertThat(PingSchedule.parse("@every 1h30m", null).interval()).isEqualTo("1h30m");
    }

    @Test
    void rejectsWhatKnativeRejectsNamingTheField() {
        assertThatThrownBy(() -> PingSchedule.parse("0 9 * *", null)).hasMessageStartingWith("spec.schedule:");
        assertThatThrownBy(() -> PingSchedule.parse("@fortnightly", null)).hasMessageStartingWith("spec.schedule:");
        assertThatThrownBy(() -> PingSchedule.parse("0 9 * * *", "Mars/Olympus")).hasMessageStartingWith("spec.timezone:");
    }
}
