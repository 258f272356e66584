package io.ztrade.dev.emulator.sources;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * A PingSource's {@code schedule} and {@code timezone}, as Knative reads them: a five-field
 * (Unix) cron expression, a descriptor ({@code @hourly}, {@code @daily}, ...; {@code @every 10m}),
 * optionally prefixed with {@code CRON_TZ=<zone>} or {@code TZ=<zone>}; {@code timezone} wins
 * over the prefix; no zone means the system's.
 *
 * @param cron     five-field cron (Unix), or {@code null} for an interval
 * @param interval an interval ({@code 10m}, {@code 1h30m}) for {@code @every}, else {@code null}
 * @param zone     IANA time zone id, or {@code null} for the system's
 */
public record PingSchedule(String cron, String interval, String zone) {

    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    /**
     * Parses a schedule ({@code null} or blank is Knative's default, every minute).
     *
     * @throws IllegalArgumentException naming {@code spec.schedule} or {@code spec.timezone}
     */
    public static PingSchedule parse(String schedule, String timezone) {
        String s = schedule == null || schedule.isBlank() ? "* * * * *" : schedule.strip();
        String zone = null;
        for (String prefix : new String[] {"CRON_TZ=", "TZ="}) {
            if (s.startsWith(prefix)) {
                int space = s.indexOf(' ');
                if (space < 0) {
                    throw new IllegalArgumentException("spec.schedule: nothing after " + s);
                }
                zone = s.substring(prefix.length(), space);
                s = s.substring(space + 1).strip();
            }
        }
        if (timezone != null && !timezone.isBlank()) {
            zone = timezone.strip();
        }
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("spec.timezone: unknown time zone '" + zone + "'", e);
            }
        }
        if (s.startsWith("@every ")) {
            String every = s.substring("@every ".length()).strip().toLowerCase(Locale.ROOT);
            if (!every.matches("(\\d+h)?(\\d+m)?(\\d+s)?") || every.isEmpty()) {
                throw new IllegalArgumentException("spec.schedule: '@every " + every + "' must be like 30s, 10m, 1h30m");
            }
            return new PingSchedule(null, every, zone);
        }
        if (s.startsWith("@")) {
            String cron = DESCRIPTORS.get(s.toLowerCase(Locale.ROOT));
            if (cron == null) {
                throw new IllegalArgumentException("spec.schedule: unknown descriptor '" + s + "'");
            }
            return new PingSchedule(cron, null, zone);
        }
        if (s.split("\\s+").length != 5) {
            throw new IllegalArgumentException("spec.schedule: expected five cron fields (minute hour day-of-month month day-of-week), was '"
                    + schedule + "'");
        }
        return new PingSchedule(s, null, zone);
    }

    @Override
    public String toString() {
        return (cron != null ? cron : "@every " + interval) + (zone == null ? "" : " (" + zone + ")");
    }
}
