package io.ztrade.domain.trading;

import java.util.Optional;

/** A market maker's two-sided quote; a side is empty at the inventory limit. */
public record Quotes(Optional<Quote> bid, Optional<Quote> ask) {}
