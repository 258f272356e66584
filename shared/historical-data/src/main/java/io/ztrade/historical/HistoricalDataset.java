package io.ztrade.historical;

import io.ztrade.domain.market.Bar;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import java.util.List;

/**
 * Real market data shipped with Ztrade (unpacked at build time from {@code org.ta4j:ta4j-examples},
 * MIT licence), as bars.
 */
public enum HistoricalDataset {
    /** 252 daily AAPL bars of 2013 (appleinc_bars_from_20130101_usd.csv). */
    AAPL_DAILY(Instruments.AAPL, Timeframe.DAY_1),
    /** Bitstamp BTC/USD trades from 2013-11-25 aggregated to one-minute bars. */
    BTC_USD_MINUTE(Instruments.BTC_USD, Timeframe.MIN_1),
    /** Bitstamp BTC/USD trades from 2013-11-25 aggregated to one-hour bars. */
    BTC_USD_HOUR(Instruments.BTC_USD, Timeframe.HOUR_1),
    /** 580 five-minute ETH/USD bars, 2023-03-13 to 2023-03-15 (BinanceUS). */
    ETH_USD_5MIN(Instruments.ETH_USD, Timeframe.MIN_5);

    private final Instrument instrument;
    private final Timeframe timeframe;

    HistoricalDataset(Instrument instrument, Timeframe timeframe) {
        this.instrument = instrument;
        this.timeframe = timeframe;
    }

    public Instrument instrument() {
        return instrument;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    /** The bars, oldest first. */
    public List<Bar> bars() {
        return HistoricalDataReader.read(this);
    }

    public BarSeries series() {
        return BarSeries.of(instrument, timeframe, bars());
    }
}
