package io.ztrade.domain.trading;

import static io.ztrade.domain.trading.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.domain.backtest.BacktestConfig;
import io.ztrade.domain.backtest.Side;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {

    /** Commission 1 per fill + 10 bps, as {@code BacktestConfig(10000, 1, 10, 0, 0.02)}. */
    static final CommissionModel COSTS = CommissionModel.of(new BacktestConfig(10_000, 1, 10, 0, 0.02));

    static Execution fill(String id, Side side, String price, String qty) {
        return new Execution(id, "aapl-sma.20240108T000000Z.sig", side, d(price), d(qty), COSTS.commission(d(price), d(qty)));
    }

    /**
     * A scripted scenario checked by hand. Start: cash 10,000.00, commission 1 + 10 bps.
     *
     * <pre>
     * e1 BUY  30 @ 100.00  notional 3000.00  commission 1 + 3.00 = 4.00   cash 10000 - 3004.00    =  6996.00
     *                      basis 3004.00, qty 30
     * e2 BUY  20 @ 101.50  notional 2030.00  commission 1 + 2.03 = 3.03   cash  6996 - 2033.03    =  4962.97
     *    (the second partial fill of the same order)  basis 5037.03, qty 50, average 100.7406
     *    mark 102: unrealised 50 * 102 - 5037.03 = 62.97; equity 4962.97 + 5100 = 10062.97
     * e2 again: nothing changes
     * e3 SELL 20 @ 103.00  notional 2060.00  commission 1 + 2.06 = 3.06   cash 4962.97 + 2056.94 =  7019.91
     *    basis released 5037.03 * 20 / 50 = 2014.812; realised 2056.94 - 2014.812 = 42.128
     *    basis 3022.218, qty 30; mark 102: unrealised 3060 - 3022.218 = 37.782, equity 10079.91
     *    (= 10000 + 42.128 + 37.782)
     * e4 SELL 30 @  99.00  notional 2970.00  commission 1 + 2.97 = 3.97   cash 7019.91 + 2966.03 =  9985.94
     *    basis released 3022.218; realised += 2966.03 - 3022.218 = -56.188 -> -14.06
     * end: flat, cash 9985.94 = 10000 - 14.06; commissions 4 + 3.03 + 3.06 + 3.97 = 14.06 (bought and
     * sold 5030.00 of notional each way, so the whole loss is commissions)
     * </pre>
     */
    @Test
    void shouldBookPartialFillsAndCommissionsToTheCent() {
        Ledger l = new Ledger(d("10000.00"));
        assertThat(l.apply(fill("e1", Side.BUY, "100.00", "30"))).isTrue();
        assertThat(l.cash()).isEqualByComparingTo("6996.00");
        assertThat(l.costBasis()).isEqualByComparingTo("3004.00");

        assertThat(l.apply(fill("e2", Side.BUY, "101.50", "20"))).isTrue();
        assertThat(l.cash()).isEqualByComparingTo("4962.97");
        assertThat(l.quantity()).isEqualByComparingTo("50");
        assertThat(l.costBasis()).isEqualByComparingTo("5037.03");
        assertThat(l.averagePrice()).isEqualByComparingTo("100.7406");
        assertThat(l.unrealised(d("102"))).isEqualByComparingTo("62.97");
        assertThat(l.equity(d("102"))).isEqualByComparingTo("10062.97");

        LedgerState before = l.state();
        assertThat(l.apply(fill("e2", Side.BUY, "101.50", "20"))).isFalse();
        assertThat(l.state()).isEqualTo(before);

        assertThat(l.apply(fill("e3", Side.SELL, "103.00", "20"))).isTrue();
        assertThat(l.cash()).isEqualByComparingTo("7019.91");
        assertThat(l.realisedPnl()).isEqualByComparingTo("42.128");
        assertThat(l.costBasis()).isEqualByComparingTo("3022.218");
        assertThat(l.unrealised(d("102"))).isEqualByComparingTo("37.782");
        assertThat(l.equity(d("102"))).isEqualByComparingTo("10079.91");

        assertThat(l.apply(fill("e4", Side.SELL, "99.00", "30"))).isTrue();
        assertThat(l.quantity()).isEqualByComparingTo("0");
        assertThat(l.costBasis()).isEqualByComparingTo("0");
        assertThat(l.averagePrice()).isEqualByComparingTo("0");
        assertThat(l.cash()).isEqualByComparingTo("9985.94");
        assertThat(l.realisedPnl()).isEqualByComparingTo("-14.06");
        assertThat(l.commissions()).isEqualByComparingTo("14.06");
        assertThat(l.unrealised(d("500"))).isEqualByComparingTo("0");
    }

    @Test
    void shouldBookARepeatedExecutionIdOnce() {
        Ledger l = new Ledger(d("1000"));
        Execution e = fill("t-17/BUY", Side.BUY, "10.00", "5");
        for (int k = 0; k < 3; k++) {
            l.apply(e);
        }
        assertThat(l.quantity()).isEqualByComparingTo("5");
        assertThat(l.cash()).isEqualByComparingTo("948.95"); // 1000 - 50 - (1 + 0.05)
        assertThat(l.hasBooked("t-17/BUY")).isTrue();

        Ledger restored = Ledger.restore(l.state(), List.of("t-17/BUY"));
        assertThat(restored.apply(e)).isFalse();
        assertThat(restored.state()).isEqualTo(l.state());
    }

    /**
     * A market maker's short and the fill that crosses zero, by hand (no commission on the sell,
     * 0.30 on the buy):
     *
     * <pre>
     * SELL 2 @ 50   cash 10000 + 100 = 10100, qty -2, basis -100 (cash received)
     * BUY  3 @ 48   closes 2: cash effect -(96 + 0.30) = -96.30, realised -96.30 + 100 = 3.70
     *               opens 1 long at 48: basis 48; cash 10100 - 144.30 = 9955.70
     * mark 48: equity 9955.70 + 48 = 10003.70 = 10000 + 3.70 + 0
     * </pre>
     */
    @Test
    void shouldBookShortInventoryAndAFillThatCrossesZero() {
        Ledger l = new Ledger(d("10000"));
        l.apply(new Execution("x1", "mm.1.ask", Side.SELL, d("50"), d("2"), BigDecimal.ZERO));
        assertThat(l.quantity()).isEqualByComparingTo("-2");
        assertThat(l.costBasis()).isEqualByComparingTo("-100");
        assertThat(l.averagePrice()).isEqualByComparingTo("50");
        assertThat(l.unrealised(d("49"))).isEqualByComparingTo("2");
        l.apply(new Execution("x2", "mm.2.bid", Side.BUY, d("48"), d("3"), d("0.30")));
        assertThat(l.quantity()).isEqualByComparingTo("1");
        assertThat(l.realisedPnl()).isEqualByComparingTo("3.70");
        assertThat(l.costBasis()).isEqualByComparingTo("48");
        assertThat(l.cash()).isEqualByComparingTo("9955.70");
        assertThat(l.equity(d("48"))).isEqualByComparingTo("10003.70");
    }

    @Test
    void shouldRefuseMalformedExecutionsBeforeBookingAnything() {
        assertThatThrownBy(() -> new Execution("e", "c", Side.BUY, d("0"), d("1"), BigDecimal.ZERO)).hasMessageContaining("price");
        assertThatThrownBy(() -> new Execution("e", "c", Side.BUY, d("1"), d("-1"), BigDecimal.ZERO)).hasMessageContaining("quantity");
        assertThatThrownBy(() -> new Execution("e", "c", Side.BUY, d("1"), d("1"), d("-0.01"))).hasMessageContaining("commission");
        assertThatThrownBy(() -> new Execution(" ", "c", Side.BUY, d("1"), d("1"), BigDecimal.ZERO)).hasMessageContaining("executionId");
    }

    @Test
    void commissionShouldEqualTheBacktestFormulaExactly() {
        // the README's worked example: 99 shares at 100.07, 1 + 10 bps -> 1 + 100.07 * 99 * 0.001 = 10.90693
        assertThat(COSTS.commission(d("100.07"), d("99"))).isEqualByComparingTo("10.90693");
        assertThat(CommissionModel.NONE.commission(d("100.07"), d("99"))).isEqualByComparingTo("0");
    }
}
