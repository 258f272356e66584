package io.ztrade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.events.payload.BacktestMetrics;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TableTest {

    private static final String NL = System.lineSeparator();

    @Test
    void alignsTextLeftAndNumbersRightUnderAHeader() {
        String table = new Table("name", "value").row("fast", 10).row("threshold", "0.25").render();

        assertThat(table).isEqualTo(
                "name       value" + NL
                + "fast          10" + NL
                + "threshold   0.25" + NL);
    }

    @Test
    void printsMissingValuesAsADashAndKeepsTheColumnNumeric() {
        String table = new Table("metric", "value").row("sharpe", null).row("trades", 4).render();

        assertThat(table).isEqualTo(
                "metric  value" + NL
                + "sharpe      -" + NL
                + "trades      4" + NL);
    }

    @Test
    void formatsFractionsAsPercentagesRatiosWithTwoDecimalsAndMoneyExactly() {
        assertThat(Table.percent(0.1234)).isEqualTo("12.34%");
        assertThat(Table.percent(-0.05)).isEqualTo("-5.00%");
        assertThat(Table.percent(null)).isEqualTo("-");
        assertThat(Table.percent(Double.NaN)).isEqualTo("-");
        assertThat(Table.ratio(0.4249)).isEqualTo("0.42");
        assertThat(Table.ratio(Double.POSITIVE_INFINITY)).isEqualTo("-");
        assertThat(Table.money(new BigDecimal("10412.13"))).isEqualTo("10412.13");
        assertThat(Table.money(new BigDecimal("10202.8"))).isEqualTo("10202.80");
        assertThat(Table.money(new BigDecimal("1E+4"))).isEqualTo("10000.00");
        assertThat(Table.money(new BigDecimal("0.00012345"))).as("crypto amounts keep their digits").isEqualTo("0.00012345");
        assertThat(Table.money(null)).isEqualTo("-");
    }

    @Test
    void rendersBacktestMetricsAsPercentagesRatiosAndMoney() {
        BacktestMetrics m = new BacktestMetrics(0.0412, 0.0415, 0.42, 0.61, 0.12, 0.5, 4, 1.3, 0.55,
                new BigDecimal("8.00"), new BigDecimal("10412.13"));

        String table = BacktestRunCommand.metrics(m).render();

        assertThat(table).contains("total return      4.12%", "Sharpe             0.42", "max drawdown     12.00%",
                "trades                4", "commissions        8.00", "final equity   10412.13");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new Table("a", "b").row("only one")).hasMessageContaining("expected 2 cells");
    }
}
