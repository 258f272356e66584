package io.ztrade.marketdata.core;

import io.ztrade.domain.market.Bar;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Timeframe;
import java.time.Instant;
import java.util.List;

/** Where bars come from: an Alpaca-compatible REST API, or the replay of the shipped data. */
public interface BarProvider {

    /** Recorded in {@code market_bar.source}, e.g. {@code alpaca} or {@code replay}. */
    String name();

    /** The provider's present: the wall clock for a live provider, the replayed clock for the replay. */
    Instant now();

    /**
     * The completed bars of {@code instrument} that open at or after {@code since}, oldest first.
     *
     * @throws ProviderException when the provider fails (after its retries) or answers something that is not bars
     */
    List<Bar> fetch(Instrument instrument, Timeframe timeframe, Instant since);
}
