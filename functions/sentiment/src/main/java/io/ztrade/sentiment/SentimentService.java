package io.ztrade.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Instruments;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.payload.SentimentFetchFailed;
import io.ztrade.events.payload.SentimentFetchRequested;
import io.ztrade.events.payload.SentimentScored;
import io.ztrade.function.EventSink;
import io.ztrade.function.IdempotentJobs;
import io.ztrade.function.JobOutcome;
import io.ztrade.sentiment.core.Aggregation;
import io.ztrade.sentiment.core.Item;
import io.ztrade.sentiment.core.SentimentScorer;
import io.ztrade.sentiment.core.SentimentSource;
import io.ztrade.sentiment.core.SourceException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One sentiment run: check the request, gather every symbol's items from every enabled source (a
 * failing source is named missing, never a failure), score them, aggregate per symbol, store items
 * and scores, cache the latest, and emit one {@code sentiment.scored} per symbol (all but the last to
 * K_SINK, the last as the reply). Runs inside the job's transaction.
 */
@ApplicationScoped
public class SentimentService {

    private static final Logger LOG = Logger.getLogger(SentimentService.class);

    private final List<SentimentSource> sources;
    private final SentimentScorer scorer;
    private final SentimentStore store;
    private final EventSink sink;
    private final SentimentConfig config;
    private final Map<String, Double> weights;
    private final Clock clock = Clock.systemUTC();

    public SentimentService(Sources.Enabled sources, SentimentScorer scorer, SentimentStore store, EventSink sink,
            SentimentConfig config) {
        this.sources = sources.sources();
        this.scorer = scorer;
        this.store = store;
        this.sink = sink;
        this.config = config;
        this.weights = Aggregation.enabled(config.weights(), this.sources.stream().map(SentimentSource::name).toList());
    }

    public JobOutcome run(JsonNode data, String inSource, String inId) {
        SentimentFetchRequested asked = null;
        List<Instrument> instruments;
        try {
            asked = EventCodec.decode(data, SentimentFetchRequested.class);
            instruments = instruments(asked);
        } catch (InvalidEventException e) {
            return JobOutcome.failed(EventTypes.SENTIMENT_FETCH_FAILED,
                    new SentimentFetchFailed(asked == null ? null : asked.symbols(), e.field(), SentimentFetchFailed.INVALID_REQUEST,
                            e.getMessage()), e.getMessage());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant since = now.minus(config.window());
        List<SentimentScored> scores = new ArrayList<>();
        for (Instrument instrument : instruments) {
            List<Aggregation.SourceResult> results = new ArrayList<>();
            List<SentimentStore.ScoredItem> scored = new ArrayList<>();
            for (SentimentSource source : sources) {
                double weight = weights.get(source.name());
                try {
                    List<Double> itemScores = new ArrayList<>();
                    for (Item item : source.fetch(instrument, since)) {
                        double s = scorer.score(item.text());
                        itemScores.add(s);
                        scored.add(new SentimentStore.ScoredItem(item, s));
                    }
                    results.add(new Aggregation.SourceResult(source.name(), weight, itemScores, false));
                } catch (SourceException e) {
                    LOG.warnf("sentiment: %s missing for %s: %s", source.name(), instrument.symbol(), e.getMessage());
                    results.add(new Aggregation.SourceResult(source.name(), weight, List.of(), true));
                }
            }
            SentimentScored score = Aggregation.aggregate(instrument.symbol(), results, config.fullConfidenceItems(), now);
            store.storeItems(scored, now);
            store.storeScore(score);
            store.cache(score);
            scores.add(score);
        }
        for (int i = 0; i < scores.size() - 1; i++) {
            SentimentScored s = scores.get(i);
            sink.send(EventTypes.SENTIMENT_SCORED, EventSources.SENTIMENT_FUNCTION,
                    IdempotentJobs.replyId(inSource, inId, EventTypes.SENTIMENT_SCORED + "/" + s.symbol()), s.symbol(), s);
        }
        return JobOutcome.succeeded(EventTypes.SENTIMENT_SCORED, scores.get(scores.size() - 1));
    }

    static List<Instrument> instruments(SentimentFetchRequested asked) {
        asked.validate();
        LinkedHashSet<Instrument> out = new LinkedHashSet<>();
        for (int i = 0; i < asked.symbols().size(); i++) {
            String symbol = asked.symbols().get(i);
            int index = i;
            out.add(Instruments.find(symbol).orElseThrow(() -> new InvalidEventException("symbols[" + index + "]",
                    "unknown symbol '" + symbol + "', expected one of " + Instruments.all().stream().map(Instrument::symbol).toList())));
        }
        return List.copyOf(out);
    }
}
