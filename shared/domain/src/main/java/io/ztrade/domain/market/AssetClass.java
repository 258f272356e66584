package io.ztrade.domain.market;

/** How an instrument trades over a year; used to annualise returns. */
public enum AssetClass {
    /** US equities: 252 sessions a year of 390 minutes (09:30-16:00 New York). */
    EQUITY(252, 390),
    /** Crypto: trades around the clock, 365 days a year. */
    CRYPTO(365, 24 * 60);

    private final int tradingDaysPerYear;
    private final int minutesPerDay;

    AssetClass(int tradingDaysPerYear, int minutesPerDay) {
        this.tradingDaysPerYear = tradingDaysPerYear;
        this.minutesPerDay = minutesPerDay;
    }

    public int tradingDaysPerYear() {
        return tradingDaysPerYear;
    }

    public int minutesPerDay() {
        return minutesPerDay;
    }

    /** Bars of {@code timeframe} in one year of trading, the factor behind annualised Sharpe and Sortino. */
    public double periodsPerYear(Timeframe timeframe) {
        if (timeframe == Timeframe.DAY_1) {
            return tradingDaysPerYear;
        }
        return (double) tradingDaysPerYear * minutesPerDay / timeframe.duration().toMinutes();
    }
}
