package io.ztrade.sentiment.core;

/** Scores a text in [-1, 1]. The lexicon scorer is one; a model (FinBERT) can replace it behind this interface. */
public interface SentimentScorer {

    /** Sentiment of {@code text}: -1 most negative, 0 neutral, 1 most positive. */
    double score(String text);
}
