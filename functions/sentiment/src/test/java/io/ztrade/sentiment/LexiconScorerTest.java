package io.ztrade.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.sentiment.core.LexiconScorer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexiconScorerTest {

    static final LexiconScorer SCORER = LexiconScorer.vader();

    @Test
    void shouldLoadVadersPublishedLexicon() {
        Map<String, Double> lexicon = LexiconScorer.loadVaderLexicon();
        assertThat(lexicon).hasSizeGreaterThan(7000);
        assertThat(lexicon.get("good")).isEqualTo(1.9);
        assertThat(lexicon.get("bad")).isEqualTo(-2.5);
    }

    @Test
    void shouldScorePositiveNegativeAndNeutralTextInRange() {
        assertThat(SCORER.score("a great and excellent quarter")).isGreaterThan(0.5).isLessThanOrEqualTo(1);
        assertThat(SCORER.score("a terrible, awful quarter")).isLessThan(-0.5).isGreaterThanOrEqualTo(-1);
        assertThat(SCORER.score("the meeting is on Thursday")).isEqualTo(0);
        assertThat(SCORER.score("")).isEqualTo(0);
    }

    @Test
    void shouldFlipANegatedWord() {
        assertThat(SCORER.score("results were good")).isPositive();
        assertThat(SCORER.score("results were not good")).isNegative();
    }

    @Test
    void shouldStrengthenAndWeakenWithBoosters() {
        double plain = SCORER.score("results were good");
        assertThat(SCORER.score("results were very good")).isGreaterThan(plain);
        assertThat(SCORER.score("results were slightly good")).isLessThan(plain);
    }

    @Test
    void shouldWeighTheClauseAfterButMore() {
        assertThat(SCORER.score("revenue was good but the outlook is bad")).isNegative();
        assertThat(SCORER.score("revenue was bad but the outlook is good")).isPositive();
    }

    @Test
    void shouldScoreFinanceTermsWithTheValenceOfTheirLexiconWord() {
        Map<String, Double> lexicon = LexiconScorer.loadVaderLexicon();
        LexiconScorer.FINANCE_TERMS.forEach((term, like) -> assertThat(lexicon).as(term + " borrows " + like).containsKey(like));
        assertThat(SCORER.score("analysts upgrade the stock")).isEqualTo(SCORER.score("analysts improve the stock"));
        assertThat(SCORER.score("shares plunge")).isNegative();
        assertThat(SCORER.score("earnings beat estimates")).isPositive();
    }

    /** On the hand-labelled sample in the repository: accuracy over positive / negative / neutral. */
    @Test
    void shouldReachTheAccuracyTheAdrReportsOnTheHandLabelledSample() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("finance-headlines-hand-labelled.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    rows.add(line.split("\t", 2));
                }
            }
        }
        int right = 0;
        for (String[] row : rows) {
            double s = SCORER.score(row[1]);
            String predicted = s >= 0.05 ? "positive" : s <= -0.05 ? "negative" : "neutral";
            if (predicted.equals(row[0])) {
                right++;
            } else {
                System.out.printf("miss: %s scored %.3f: %s%n", row[0], s, row[1]);
            }
        }
        double accuracy = right / (double) rows.size();
        System.out.printf("lexicon scorer accuracy on %d hand-labelled headlines: %.3f%n", rows.size(), accuracy);
        assertThat(rows).hasSize(40);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.70);
    }
}
