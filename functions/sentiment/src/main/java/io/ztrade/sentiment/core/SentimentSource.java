package io.ztrade.sentiment.core;

import io.ztrade.domain.market.Instrument;
import java.time.Instant;
import java.util.List;

/** One source of items (news, Reddit, SEC EDGAR). */
public interface SentimentSource {

    /** The name weights and {@code missingSources} use. */
    String name();

    /**
     * Items about {@code instrument} published at or after {@code since}.
     *
     * @throws SourceException when the source fails or answers garbage (the run goes on without it)
     */
    List<Item> fetch(Instrument instrument, Instant since);
}
