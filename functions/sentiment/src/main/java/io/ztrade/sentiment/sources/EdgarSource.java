package io.ztrade.sentiment.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.domain.market.Instrument;
import io.ztrade.sentiment.core.Item;
import io.ztrade.sentiment.core.SentimentSource;
import io.ztrade.sentiment.core.SourceException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SEC EDGAR submissions, {@code GET /submissions/CIK##########.json} (ten digits), whose
 * {@code filings.recent} holds parallel arrays {@code accessionNumber}, {@code form},
 * {@code filingDate}, {@code primaryDocDescription}; the 8-K, 10-K and 10-Q filed since the window's
 * start become items ("8-K: <description>"). The SEC requires a descriptive {@code User-Agent} and
 * allows 10 requests per second: the {@link JsonHttp} given here carries both. Symbols without a
 * configured CIK (crypto pairs) have no filings.
 */
public final class EdgarSource implements SentimentSource {

    static final Set<String> FORMS = Set.of("8-K", "10-K", "10-Q");

    private final URI base;
    private final JsonHttp http;
    private final Map<String, String> ciks;

    public EdgarSource(URI base, JsonHttp http, Map<String, String> ciks) {
        this.base = base;
        this.http = http;
        this.ciks = Map.copyOf(ciks);
    }

    @Override
    public String name() {
        return "sec";
    }

    @Override
    public List<Item> fetch(Instrument instrument, Instant since) {
        String cik = ciks.get(instrument.symbol());
        if (cik == null) {
            return List.of();
        }
        String padded = "0".repeat(Math.max(0, 10 - cik.length())) + cik;
        JsonNode recent = http.get(name(), JsonHttp.at(base, "/submissions/CIK" + padded + ".json")).path("filings").path("recent");
        JsonNode acc = recent.path("accessionNumber");
        JsonNode form = recent.path("form");
        JsonNode date = recent.path("filingDate");
        JsonNode desc = recent.path("primaryDocDescription");
        if (!acc.isArray() || !form.isArray() || !date.isArray() || form.size() != acc.size() || date.size() != acc.size()) {
            throw new SourceException("sec: filings.recent lacks parallel accessionNumber/form/filingDate arrays");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < acc.size(); i++) {
            if (!FORMS.contains(form.get(i).asText())) {
                continue;
            }
            Instant filed;
            try {
                filed = LocalDate.parse(date.get(i).asText()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new SourceException("sec: filings.recent.filingDate[" + i + "] is not a date");
            }
            if (filed.isBefore(since.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant())) {
                continue;
            }
            String description = desc.isArray() && i < desc.size() ? desc.get(i).asText("") : "";
            String accession = acc.get(i).asText();
            items.add(new Item(name(), accession, instrument.symbol(), filed, form.get(i).asText() + ": " + description, "",
                    "https://www.sec.gov/Archives/edgar/data/" + cik.replaceFirst("^0+", "") + "/" + accession.replace("-", "")));
        }
        return items;
    }
}
