package io.ztrade.sentiment.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A rule-based scorer after VADER (Hutto &amp; Gilbert, ICWSM 2014) on VADER's own published lexicon
 * ({@code vader_sentiment_lexicon.txt}, MIT, shipped in
 * {@code com.github.apanimesh061:vader-sentiment-analyzer:1.0}): word valences summed, a booster word
 * before a word raises or lowers it by VADER's 0.293, a negation within three words before flips it
 * by VADER's -0.74, "but" weighs the clause before it 0.5 and the one after 1.5, and the sum is
 * normalised by VADER's {@code x / sqrt(x^2 + 15)}.
 *
 * <p>Finance terms the general lexicon lacks borrow the valence of a lexicon word of the same sense
 * ({@link #FINANCE_TERMS}: "upgrade" scores as "improve", "plunge" as "crash"): no valence here is
 * invented, each is VADER's.
 */
public final class LexiconScorer implements SentimentScorer {

    /** VADER's booster increment and negation scalar. */
    static final double B_INCR = 0.293;
    static final double N_SCALAR = -0.74;
    static final double ALPHA = 15;

    static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing", "neither", "nor",
            "nowhere", "cannot", "cant", "can't", "dont", "don't", "doesnt", "doesn't", "didnt", "didn't", "isnt", "isn't",
            "arent", "aren't", "wasnt", "wasn't", "werent", "weren't", "wont", "won't", "wouldnt", "wouldn't", "shouldnt",
            "shouldn't", "couldnt", "couldn't", "without", "hardly", "rarely", "seldom", "despite");

    /** VADER's boosters (+) and dampeners (-). */
    static final Map<String, Double> BOOSTERS = boosters();

    /** Finance term -> the VADER lexicon word whose valence it takes. */
    public static final Map<String, String> FINANCE_TERMS = Map.ofEntries(
            Map.entry("upgrade", "improve"), Map.entry("upgrades", "improve"), Map.entry("upgraded", "improve"),
            Map.entry("downgrade", "worsen"), Map.entry("downgrades", "worsen"), Map.entry("downgraded", "worsen"),
            Map.entry("beat", "win"), Map.entry("beats", "win"), Map.entry("outperform", "win"), Map.entry("outperforms", "win"),
            Map.entry("miss", "fail"), Map.entry("misses", "fail"), Map.entry("missed", "fail"), Map.entry("underperform", "fail"),
            Map.entry("surge", "gain"), Map.entry("surges", "gain"), Map.entry("surged", "gain"), Map.entry("soar", "gain"),
            Map.entry("soars", "gain"), Map.entry("soared", "gain"), Map.entry("rally", "gain"), Map.entry("rallies", "gain"),
            Map.entry("jumps", "gain"), Map.entry("climbs", "gain"), Map.entry("rises", "gain"), Map.entry("record", "great"),
            Map.entry("plunge", "crash"), Map.entry("plunges", "crash"), Map.entry("plunged", "crash"), Map.entry("tumble", "crash"),
            Map.entry("tumbles", "crash"), Map.entry("slump", "crash"), Map.entry("slumps", "crash"), Map.entry("sinks", "loss"),
            Map.entry("falls", "loss"), Map.entry("drops", "loss"), Map.entry("decline", "loss"), Map.entry("declines", "loss"),
            Map.entry("bullish", "optimistic"), Map.entry("bearish", "pessimistic"), Map.entry("layoffs", "fired"),
            Map.entry("bankruptcy", "bankrupt"), Map.entry("probe", "accused"),
            Map.entry("recall", "defective"), Map.entry("dividend", "profit"), Map.entry("buyback", "profit"),
            Map.entry("growth", "improve"), Map.entry("profitable", "profit"), Map.entry("losses", "loss"),
            Map.entry("weak", "weak"), Map.entry("strong", "strong"), Map.entry("guidance", "hope"));

    private final Map<String, Double> valence;

    public LexiconScorer(Map<String, Double> lexicon) {
        Map<String, Double> v = new HashMap<>(lexicon);
        FINANCE_TERMS.forEach((term, like) -> {
            Double borrowed = lexicon.get(like);
            if (borrowed == null) {
                throw new IllegalStateException("finance term " + term + " borrows from '" + like + "', which the lexicon lacks");
            }
            if (!lexicon.containsKey(term) || term.equals(like)) {
                v.put(term, borrowed);
            }
        });
        // "guidance" only carries sentiment through its modifiers ("raises guidance"): neutral on its own
        v.remove("guidance");
        this.valence = Map.copyOf(v);
    }

    /** The VADER lexicon shipped in the vader-sentiment-analyzer jar. */
    public static LexiconScorer vader() {
        return new LexiconScorer(loadVaderLexicon());
    }

    /** Reads {@code vader_sentiment_lexicon.txt} (token, mean valence, ...; tab-separated) from the classpath. */
    public static Map<String, Double> loadVaderLexicon() {
        Map<String, Double> lexicon = new HashMap<>(8192);
        try (InputStream in = LexiconScorer.class.getClassLoader().getResourceAsStream("vader_sentiment_lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("vader_sentiment_lexicon.txt is not on the classpath (vader-sentiment-analyzer jar)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (f.length >= 2) {
                    lexicon.put(f[0].toLowerCase(Locale.ROOT), Double.parseDouble(f[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lexicon;
    }

    public boolean knows(String word) {
        return valence.containsKey(word);
    }

    @Override
    public double score(String text) {
        List<String> words = tokens(text);
        double[] sentiments = new double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            Double v = valence.get(words.get(i));
            if (v == null || BOOSTERS.containsKey(words.get(i))) {
                continue;
            }
            double s = v;
            for (int back = 1; back <= 3 && i - back >= 0; back++) {
                String prev = words.get(i - back);
                Double boost = BOOSTERS.get(prev);
                if (boost != null) {
                    double b = s > 0 ? boost : -boost;
                    s += b * (back == 1 ? 1 : back == 2 ? 0.95 : 0.9);
                }
                if (NEGATIONS.contains(prev)) {
                    s *= N_SCALAR;
                }
            }
            sentiments[i] = s;
        }
        int but = words.indexOf("but");
        double sum = 0;
        for (int i = 0; i < sentiments.length; i++) {
            double s = sentiments[i];
            if (but >= 0) {
                s *= i < but ? 0.5 : i > but ? 1.5 : 1;
            }
            sum += s;
        }
        return sum / Math.sqrt(sum * sum + ALPHA);
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^a-z0-9'$]+")) {
            String w = raw.replaceAll("^'+|'+$", "");
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> b = new HashMap<>();
        for (String w : new String[] {"absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly",
            "deeply", "enormously", "entirely", "especially", "exceptionally", "extremely", "fabulously", "greatly",
            "highly", "hugely", "incredibly", "intensely", "majorly", "more", "most", "particularly", "purely", "quite",
            "really", "remarkably", "so", "substantially", "thoroughly", "totally", "tremendously", "uber",
            "unbelievably", "unusually", "utterly", "very"}) {
            b.put(w, B_INCR);
        }
        for (String w : new String[] {"almost", "barely", "hardly", "kind", "less", "little", "marginally",
            "occasionally", "partly", "scarcely", "slightly", "somewhat", "sort"}) {
            b.put(w, -B_INCR);
        }
        return Map.copyOf(b);
    }
}
