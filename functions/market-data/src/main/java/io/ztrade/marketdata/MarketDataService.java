package io.ztrade.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.domain.market.Bar;
import io.ztrade.domain.market.Instrument;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.payload.MarketDataFetchFailed;
import io.ztrade.events.payload.MarketDataFetchRequested;
import io.ztrade.events.payload.MarketDataUpdated;
import io.ztrade.function.EventSink;
import io.ztrade.function.IdempotentJobs;
import io.ztrade.function.JobOutcome;
import io.ztrade.marketdata.core.BarProvider;
import io.ztrade.marketdata.core.FetchRequest;
import io.ztrade.marketdata.core.ProviderException;
import io.ztrade.persistence.MarketBarRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fetch: check the request, fetch every symbol from the provider (all of them before anything is
 * stored, so a failing provider leaves nothing half-written), upsert the bars (batched, idempotent
 * on symbol + timeframe + time), refresh the Redis cache, and emit one {@code marketdata.updated} per
 * symbol. Runs inside the job's transaction (see {@code IdempotentJobs}).
 */
@ApplicationScoped
public class MarketDataService {

    private final BarProvider provider;
    private final MarketBarRepository bars;
    private final BarCache cache;
    private final EventSink sink;
    private final MarketDataConfig config;

    public MarketDataService(BarProvider provider, MarketBarRepository bars, BarCache cache, EventSink sink,
            MarketDataConfig config) {
        this.provider = provider;
        this.bars = bars;
        this.cache = cache;
        this.sink = sink;
        this.config = config;
    }

    /**
     * @param data    the event's data as sent
     * @param inSource the incoming event's source, for the ids of the per-symbol events
     * @param inId     the incoming event's id
     */
    public JobOutcome fetch(JsonNode data, String inSource, String inId) {
        FetchRequest request;
        MarketDataFetchRequested asked = null;
        try {
            asked = EventCodec.decode(data, MarketDataFetchRequested.class);
            request = FetchRequest.of(asked, provider.now(), config.lookBack());
        } catch (InvalidEventException e) {
            MarketDataFetchFailed failed = new MarketDataFetchFailed(asked == null ? null : asked.symbols(),
                    asked == null ? null : asked.timeframe(), e.field(), MarketDataFetchFailed.INVALID_REQUEST, e.getMessage());
            return JobOutcome.failed(EventTypes.MARKETDATA_FETCH_FAILED, failed, e.getMessage());
        }
        Map<Instrument, List<Bar>> fetched = new LinkedHashMap<>();
        try {
            for (Instrument i : request.instruments()) {
                fetched.put(i, provider.fetch(i, request.timeframe(), request.since()));
            }
        } catch (ProviderException e) {
            MarketDataFetchFailed failed = new MarketDataFetchFailed(asked.symbols(), asked.timeframe(), null,
                    MarketDataFetchFailed.PROVIDER_FAILED, e.getMessage());
            return JobOutcome.failed(EventTypes.MARKETDATA_FETCH_FAILED, failed, e.getMessage());
        }
        List<MarketDataUpdated> updates = new ArrayList<>();
        String tf = request.timeframe().id();
        for (Map.Entry<Instrument, List<Bar>> e : fetched.entrySet()) {
            String symbol = e.getKey().symbol();
            int stored = bars.upsert(symbol, request.timeframe(), e.getValue(), provider.name());
            BarCache.CachedBars latest = cache.refresh(symbol, tf);
            var newest = BarCache.newest(latest);
            updates.add(new MarketDataUpdated(symbol, tf, stored, newest.map(BarCache.CachedBar::t).orElse(null),
                    newest.map(BarCache.CachedBar::c).orElse(null)));
        }
        // one marketdata.updated per symbol: all but the last to the broker (K_SINK), the last as the reply
        for (int i = 0; i < updates.size() - 1; i++) {
            MarketDataUpdated u = updates.get(i);
            sink.send(EventTypes.MARKETDATA_UPDATED, EventSources.MARKETDATA_FUNCTION,
                    IdempotentJobs.replyId(inSource, inId, EventTypes.MARKETDATA_UPDATED + "/" + u.symbol()), u.symbol(), u);
        }
        return JobOutcome.succeeded(EventTypes.MARKETDATA_UPDATED, updates.get(updates.size() - 1));
    }
}
