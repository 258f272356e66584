package io.ztrade.domain.trading;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Deterministic client order ids: {@code <agentId>.<barTime yyyyMMdd'T'HHmmss'Z'>.<reason code>}, for
 * example {@code aapl-sma.20260105T210000Z.sig}. A retried tick of the same bar produces the same id,
 * so the order book refuses the second order as a duplicate. At most 64 characters (agent ids are at
 * most {@value AgentSpecs#MAX_ID_LENGTH}).
 */
public final class ClientOrderIds {

    /** The longest id the order book accepts. */
    public static final int MAX_LENGTH = 64;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ClientOrderIds() {}

    /**
     * @throws IllegalArgumentException if the id would be longer than {@value #MAX_LENGTH} characters
     */
    public static String of(String agentId, Instant barTime, OrderReason reason) {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(barTime, "barTime");
        Objects.requireNonNull(reason, "reason");
        String id = agentId + "." + TIME.format(barTime) + "." + reason.code();
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("client order id longer than " + MAX_LENGTH + " characters: " + id);
        }
        return id;
    }
}
