package io.ztrade.domain.trading;

import io.ztrade.domain.market.AssetClass;
import io.ztrade.domain.market.Instrument;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When a market trades: US equities 09:30 (inclusive) to 16:00 (exclusive) America/New_York on NYSE
 * trading days, to 13:00 on early closes; crypto always.
 *
 * <p>NYSE's holiday rules, which give the published 2026 and 2027 calendars exactly (checked in
 * {@code MarketHoursTest}): New Year's Day (Sunday -> Monday; on a Saturday it is not moved), Martin
 * Luther King Jr. Day (3rd Monday of January), Washington's Birthday (3rd Monday of February), Good
 * Friday, Memorial Day (last Monday of May), Juneteenth (from 2022), Independence Day, Labor Day (1st
 * Monday of September), Thanksgiving (4th Thursday of November), Christmas; the fixed ones move to
 * Friday on a Saturday and to Monday on a Sunday. Early closes (13:00): July 3 and December 24 when
 * they are Monday to Thursday, and the day after Thanksgiving. Unscheduled closures (national days of
 * mourning, weather) are not known.
 */
public final class MarketHours {

    /** New York, where NYSE's hours are defined (daylight saving included). */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final LocalTime OPEN = LocalTime.of(9, 30);
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

    private MarketHours() {}

    /** Whether {@code instrument} trades at {@code at}. */
    public static boolean isOpen(Instrument instrument, Instant at) {
        if (instrument.assetClass() == AssetClass.CRYPTO) {
            return true;
        }
        ZonedDateTime ny = at.atZone(NEW_YORK);
        LocalDate date = ny.toLocalDate();
        if (!isTradingDay(date)) {
            return false;
        }
        LocalTime t = ny.toLocalTime();
        LocalTime close = isEarlyClose(date) ? EARLY_CLOSE : CLOSE;
        return !t.isBefore(OPEN) && t.isBefore(close);
    }

    /**
     * The trading day {@code at} belongs to, for daily trade counts and the daily loss: the New York
     * date for equities, the UTC date for crypto.
     */
    public static LocalDate tradingDay(Instrument instrument, Instant at) {
        return instrument.assetClass() == AssetClass.CRYPTO
                ? at.atZone(ZoneOffset.UTC).toLocalDate()
                : at.atZone(NEW_YORK).toLocalDate();
    }

    /** Whether NYSE is closed all day on {@code date} for a holiday (weekends are not holidays). */
    public static boolean isHoliday(LocalDate date) {
        if (isWeekend(date)) {
            return false;
        }
        int y = date.getYear();
        // New Year's Day: a Sunday one moves to Monday; a Saturday one is not moved to the Friday
        // before (December 31 stays a trading day), so it falls on the weekend and is no holiday
        LocalDate newYear = LocalDate.of(y, 1, 1);
        if (date.equals(newYear.getDayOfWeek() == DayOfWeek.SUNDAY ? newYear.plusDays(1) : newYear)) {
            return true;
        }
        if (date.equals(nth(y, Month.JANUARY, DayOfWeek.MONDAY, 3))
                || date.equals(nth(y, Month.FEBRUARY, DayOfWeek.MONDAY, 3))
                || date.equals(easter(y).minusDays(2))
                || date.equals(LocalDate.of(y, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                || (y >= 2022 && date.equals(observed(LocalDate.of(y, Month.JUNE, 19))))
                || date.equals(observed(LocalDate.of(y, Month.JULY, 4)))
                || date.equals(nth(y, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))
                || date.equals(nth(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4))) {
            return true;
        }
        return date.equals(observed(LocalDate.of(y, Month.DECEMBER, 25)));
    }

    /** Whether NYSE trades on {@code date} but closes at 13:00 New York. */
    public static boolean isEarlyClose(LocalDate date) {
        if (!isTradingDay(date)) {
            return false;
        }
        int y = date.getYear();
        DayOfWeek d = date.getDayOfWeek();
        boolean monToThu = d.getValue() <= DayOfWeek.THURSDAY.getValue();
        if (monToThu && (date.equals(LocalDate.of(y, Month.JULY, 3)) || date.equals(LocalDate.of(y, Month.DECEMBER, 24)))) {
            return true;
        }
        return date.equals(nth(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4).plusDays(1));
    }

    /** Whether NYSE trades on {@code date} (a weekday, not a holiday). */
    public static boolean isTradingDay(LocalDate date) {
        return !isWeekend(date) && !isHoliday(date);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Easter Sunday (Gregorian), the anonymous algorithm (Meeus/Jones/Butcher). */
    static LocalDate easter(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(y, month, day);
    }
}
