package io.ztrade.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The crossover decides "fast SMA vs slow SMA" without dividing where it can; the answer must always
 * be the one the divided doubles give (that is what ta4j and {@code RollingSma} compare).
 */
class CompareAveragesTest {

    private static int byDivision(double fastSum, int fast, double slowSum, int slow) {
        double f = fastSum / fast;
        double s = slowSum / slow;
        return f > s ? 1 : f < s ? -1 : 0;
    }

    @Test
    void shouldAgreeWithDividedAveragesOnTiesAndNearTies() {
        Random random = new Random(1);
        int[][] periods = {{10, 30}, {1, 2}, {3, 7}, {50, 200}, {9_999, 10_000}};
        int ties = 0;
        for (int n = 0; n < 200_000; n++) {
            int[] p = periods[n % periods.length];
            double price = Math.round(random.nextDouble() * 100_000) / 100.0; // a cent price
            double fastSum = price * p[0];
            double slowSum = price * p[1];
            switch (n % 4) {
                case 0 -> { } // the same price in both windows: equal averages, up to rounding
                case 1 -> slowSum = Math.nextUp(slowSum);
                case 2 -> slowSum = Math.nextDown(slowSum) - Math.ulp(slowSum) * random.nextInt(4);
                default -> fastSum = fastSum * (1 + (random.nextDouble() - 0.5) * 1e-11);
            }
            int expected = byDivision(fastSum, p[0], slowSum, p[1]);
            ties += expected == 0 ? 1 : 0;
            assertThat(SmaCrossover.compareAverages(fastSum, p[0], slowSum, p[1]))
                    .as("fastSum=%s/%d slowSum=%s/%d", fastSum, p[0], slowSum, p[1])
                    .isEqualTo(expected);
        }
        assertThat(ties).as("exact ties were exercised").isGreaterThan(1_000);
    }

    @Test
    void shouldAgreeWithDividedAveragesOnArbitrarySums() {
        Random random = new Random(2);
        for (int n = 0; n < 200_000; n++) {
            int fast = 1 + random.nextInt(100);
            int slow = fast + 1 + random.nextInt(1_000);
            double fastSum = (random.nextDouble() - 0.1) * Math.pow(10, random.nextInt(12));
            double slowSum = (random.nextDouble() - 0.1) * Math.pow(10, random.nextInt(12));
            assertThat(SmaCrossover.compareAverages(fastSum, fast, slowSum, slow))
                    .isEqualTo(byDivision(fastSum, fast, slowSum, slow));
        }
        assertThat(SmaCrossover.compareAverages(0, 10, 0, 30)).isZero();
    }

    @Test
    void shouldReportNanAsNoRelation() {
        assertThat(SmaCrossover.compareAverages(Double.NaN, 10, 300, 30)).isEqualTo(2);
    }
}
