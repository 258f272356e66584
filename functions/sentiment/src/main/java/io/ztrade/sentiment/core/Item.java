package io.ztrade.sentiment.core;

import java.time.Instant;

/**
 * One piece of text about a symbol from one source.
 *
 * @param source    source name ({@code news}, {@code reddit}, {@code sec})
 * @param id        the source's own id (news id, Reddit post id, SEC accession number)
 * @param symbol    the symbol it was gathered for
 * @param published when the source published it
 * @param title     headline / title (what is scored, with {@code body})
 * @param body      summary or text, may be empty
 * @param url       link, may be null
 */
public record Item(String source, String id, String symbol, Instant published, String title, String body, String url) {

    /** The text the scorer reads. */
    public String text() {
        return body == null || body.isBlank() ? title : title + ". " + body;
    }
}
