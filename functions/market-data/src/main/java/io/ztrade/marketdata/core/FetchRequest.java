package io.ztrade.marketdata.core;

import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.payload.MarketDataFetchRequested;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A fetch the fetcher can run: known instruments (duplicates dropped, order kept), a timeframe, and
 * the start of the window.
 *
 * @param instruments what to fetch
 * @param timeframe   bar duration
 * @param since       first bar open time wanted
 */
public record FetchRequest(List<Instrument> instruments, Timeframe timeframe, Instant since) {

    /**
     * Checks a decoded request against what the platform knows.
     *
     * @param now      the provider's present: {@code since} may not lie after it
     * @param lookBack bars to fetch when the request names no {@code since}
     * @throws InvalidEventException naming {@code symbols[i]}, {@code timeframe} or {@code since}
     */
    public static FetchRequest of(MarketDataFetchRequested request, Instant now, int lookBack) {
        request.validate();
        Timeframe timeframe = Timeframe.fromId(request.timeframe());
        LinkedHashSet<Instrument> instruments = new LinkedHashSet<>();
        for (int i = 0; i < request.symbols().size(); i++) {
            String symbol = request.symbols().get(i);
            int index = i;
            instruments.add(Instruments.find(symbol).orElseThrow(() -> new InvalidEventException("symbols[" + index + "]",
                    "unknown symbol '" + symbol + "', expected one of "
                            + Instruments.all().stream().map(Instrument::symbol).toList())));
        }
        Instant since = request.since();
        if (since != null && since.isAfter(now)) {
            throw new InvalidEventException("since", "must not be in the future (" + since + " is after " + now + ")");
        }
        if (since == null) {
            since = now.minus(timeframe.duration().multipliedBy(lookBack));
        }
        return new FetchRequest(List.copyOf(new ArrayList<>(instruments)), timeframe, since);
    }
}
