package io.ztrade.domain.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.domain.market.Instruments;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketHoursTest {

    /** NYSE's published full-day closures for 2026 and 2027 (nyse.com, "Holidays and Trading Hours"). */
    static final List<String> HOLIDAYS_2026 = List.of("2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25",
            "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25");
    static final List<String> HOLIDAYS_2027 = List.of("2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26", "2027-05-31",
            "2027-06-18", "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24");
    /** Early closes at 13:00: 2026 the day after Thanksgiving and Christmas Eve; 2027 the day after Thanksgiving. */
    static final List<String> EARLY_2026_2027 = List.of("2026-11-27", "2026-12-24", "2027-11-26");

    static Instant ny(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), MarketHours.NEW_YORK).toInstant();
    }

    @Test
    void shouldKnowExactlyThePublishedHolidaysOf2026And2027() {
        for (int year : new int[] {2026, 2027}) {
            List<String> holidays = new ArrayList<>();
            List<String> early = new ArrayList<>();
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (MarketHours.isHoliday(d)) {
                    holidays.add(d.toString());
                }
                if (MarketHours.isEarlyClose(d)) {
                    early.add(d.toString());
                }
            }
            assertThat(holidays).isEqualTo(year == 2026 ? HOLIDAYS_2026 : HOLIDAYS_2027);
            assertThat(early).isEqualTo(EARLY_2026_2027.stream().filter(s -> s.startsWith(year + "-")).toList());
        }
    }

    @Test
    void shouldOpenAtNineThirtyAndCloseAtFourNewYorkTime() {
        assertThat(MarketHours.isOpen(Instruments.AAPL, ny("2026-03-04T09:29:59"))).isFalse();
        assertThat(MarketHours.isOpen(Instruments.AAPL, ny("2026-03-04T09:30:00"))).isTrue();
        assertThat(MarketHours.isOpen(Instruments.AAPL, ny("2026-03-04T15:59:59"))).isTrue();
        assertThat(MarketHours.isOpen(Instruments.AAPL, ny("2026-03-04T16:00:00"))).isFalse();
    }

    @Test
    void shouldFollowDaylightSavingTime() {
        // 2026: DST starts Sunday March 8, ends Sunday November 1. 09:30 New York is 14:30Z in winter, 13:30Z in summer
        assertThat(MarketHours.isOpen(Instruments.AAPL, Instant.parse("2026-03-06T14:29:00Z"))).isFalse();
        assertThat(MarketHours.isOpen(Instruments.AAPL, Instant.parse("2026-03-06T14:30:00Z"))).isTrue();
        assertThat(MarketHours.isOpen(Instruments.AAPL, Instant.parse("2026-03-09T13:30:00Z"))).isTrue();
        assertThat(MarketHours.isOpen(Instruments.AAPL, Instant.parse("2026-03-09T13:29:00Z"))).isFalse();
        assertThat(MarketHours.isOpen(Instruments.AAPL, Instant.parse("2026-10-30T19:59:00Z"))).isTrue();
        assertThat(MarketHours.isOpen(Instruments.AAPL, Instant.parse("2026-10-30T20:00:00Z"))).isFalse();
        assertThat(MarketHours.isOpen(Instruments.AAPL, Instant.parse("2026-11-02T20:59:00Z"))).isTrue();
        assertThat(MarketHours.isOpen(Instruments.AAPL, Instant.parse("2026-11-02T21:00:00Z"))).isFalse();
    }

    @Test
    void shouldBeClosedOnWeekendsHolidaysAndAfterEarlyCloses() {
        assertThat(MarketHours.isOpen(Instruments.AAPL, ny("2026-03-07T11:00:00"))).isFalse(); // Saturday
        assertThat(MarketHours.isOpen(Instruments.AAPL, ny("2026-03-08T11:00:00"))).isFalse(); // Sunday
        assertThat(MarketHours.isOpen(Instruments.AAPL, ny("2026-04-03T11:00:00"))).isFalse(); // Good Friday
        assertThat(MarketHours.isOpen(Instruments.AAPL, ny("2027-07-05T11:00:00"))).isFalse(); // July 4th observed
        assertThat(MarketHours.isOpen(Instruments.AAPL, ny("2026-11-27T12:59:00"))).isTrue();
        assertThat(MarketHours.isOpen(Instruments.AAPL, ny("2026-11-27T13:00:00"))).isFalse();
        assertThat(MarketHours.isOpen(Instruments.AAPL, ny("2026-12-24T13:00:00"))).isFalse();
        // 2027-12-31 is an ordinary day: New Year's Day 2028 is a Saturday and NYSE does not move it
        assertThat(MarketHours.isOpen(Instruments.AAPL, ny("2027-12-31T15:00:00"))).isTrue();
    }

    @Test
    void cryptoShouldTradeAroundTheClock() {
        assertThat(MarketHours.isOpen(Instruments.BTC_USD, ny("2026-12-25T03:00:00"))).isTrue();
        assertThat(MarketHours.isOpen(Instruments.ETH_USD, ny("2026-03-08T02:30:00"))).isTrue();
    }

    @Test
    void tradingDayShouldBeTheNewYorkDateForEquitiesAndTheUtcDateForCrypto() {
        Instant lateEvening = Instant.parse("2026-03-05T02:00:00Z"); // 21:00 on March 4 in New York
        assertThat(MarketHours.tradingDay(Instruments.AAPL, lateEvening)).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(MarketHours.tradingDay(Instruments.BTC_USD, lateEvening)).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void easterShouldMatchKnownDates() {
        assertThat(MarketHours.easter(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(MarketHours.easter(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(MarketHours.easter(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    }
}
