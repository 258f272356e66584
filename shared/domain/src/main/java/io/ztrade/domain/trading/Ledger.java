package io.ztrade.domain.trading;

import io.ztrade.domain.backtest.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One agent's account: cash, position, cost basis and realised P&amp;L, in exact decimals, by the
 * average-cost method. Not thread-safe.
 *
 * <ul>
 *   <li>Cash: a BUY pays {@code price * qty + commission}, a SELL receives {@code price * qty - commission}.
 *   <li>A fill that opens or adds to a position adds its cash cost to the cost basis (buy commission
 *       included, as the backtest's entry cost; for a short the basis is the negative of the cash
 *       received). {@link #averagePrice()} is basis / |quantity|.
 *   <li>A fill that reduces a position releases the share {@code qty / |position|} of the basis
 *       (all of it when the position closes, so that a round trip is exact; a partial release is
 *       rounded half-even to 18 decimals and the rest stays in the basis) and realises its cash
 *       effect minus the released basis: for a long, {@code proceeds - sell commission - basis share},
 *       the backtest's realizedPnl.
 *   <li>A fill that crosses zero closes the position and opens the rest the other way; its whole
 *       commission goes to the closing part.
 *   <li>{@link #apply} of an execution id seen before changes nothing and returns false.
 * </ul>
 *
 * Identities: equity(mark) = cash + qty * mark = initial cash + realised + unrealised(mark).
 */
public final class Ledger {

    private static final int RELEASE_SCALE = 18;

    private BigDecimal cash;
    private BigDecimal quantity;
    private BigDecimal costBasis;
    private BigDecimal realisedPnl;
    private BigDecimal commissions;
    private final Set<String> booked = new HashSet<>();

    public Ledger(BigDecimal cash) {
        this(new LedgerState(cash, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    private Ledger(LedgerState s) {
        this.cash = Objects.requireNonNull(s.cash(), "cash");
        this.quantity = Objects.requireNonNull(s.quantity(), "quantity");
        this.costBasis = Objects.requireNonNull(s.costBasis(), "costBasis");
        this.realisedPnl = Objects.requireNonNull(s.realisedPnl(), "realisedPnl");
        this.commissions = Objects.requireNonNull(s.commissions(), "commissions");
    }

    /** A ledger continuing from stored numbers (it remembers no execution ids: the store dedupes those). */
    public static Ledger restore(LedgerState state) {
        return new Ledger(state);
    }

    /** A ledger continuing from stored numbers that also refuses the execution ids already booked. */
    public static Ledger restore(LedgerState state, java.util.Collection<String> bookedExecutionIds) {
        Ledger ledger = new Ledger(state);
        ledger.booked.addAll(bookedExecutionIds);
        return ledger;
    }

    /**
     * Books one fill.
     *
     * @return false, changing nothing, when this execution id was booked before
     */
    public boolean apply(Execution e) {
        Objects.requireNonNull(e, "execution");
        if (!booked.add(e.executionId())) {
            return false;
        }
        BigDecimal notional = e.price().multiply(e.quantity());
        BigDecimal cashEffect = e.side() == Side.BUY
                ? notional.add(e.commission()).negate()
                : notional.subtract(e.commission());
        BigDecimal signedQty = e.side() == Side.BUY ? e.quantity() : e.quantity().negate();
        boolean reduces = quantity.signum() != 0 && quantity.signum() != signedQty.signum();
        if (!reduces) {
            costBasis = costBasis.subtract(cashEffect);
        } else {
            BigDecimal held = quantity.abs();
            if (e.quantity().compareTo(held) <= 0) {
                BigDecimal released = e.quantity().compareTo(held) == 0
                        ? costBasis
                        : costBasis.multiply(e.quantity()).divide(held, RELEASE_SCALE, RoundingMode.HALF_EVEN);
                realisedPnl = realisedPnl.add(cashEffect).subtract(released);
                costBasis = costBasis.subtract(released);
            } else {
                // crosses zero: close everything (commission included), open the rest at the price
                BigDecimal rest = e.quantity().subtract(held);
                BigDecimal closingNotional = e.price().multiply(held);
                BigDecimal closingCash = e.side() == Side.BUY
                        ? closingNotional.add(e.commission()).negate()
                        : closingNotional.subtract(e.commission());
                realisedPnl = realisedPnl.add(closingCash).subtract(costBasis);
                BigDecimal openingNotional = e.price().multiply(rest);
                costBasis = e.side() == Side.BUY ? openingNotional : openingNotional.negate();
            }
        }
        cash = cash.add(cashEffect);
        quantity = quantity.add(signedQty);
        commissions = commissions.add(e.commission());
        if (quantity.signum() == 0) {
            costBasis = BigDecimal.ZERO;
        }
        return true;
    }

    public boolean hasBooked(String executionId) {
        return booked.contains(executionId);
    }

    public BigDecimal cash() {
        return cash;
    }

    /** The position: positive long, negative short, 0 flat. */
    public BigDecimal quantity() {
        return quantity;
    }

    /** costBasis / |quantity| (34 significant digits), buy commissions included; 0 when flat. */
    public BigDecimal averagePrice() {
        if (quantity.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return costBasis.abs().divide(quantity.abs(), MathContext.DECIMAL128);
    }

    public BigDecimal costBasis() {
        return costBasis;
    }

    public BigDecimal realisedPnl() {
        return realisedPnl;
    }

    public BigDecimal commissions() {
        return commissions;
    }

    /** quantity * mark - costBasis. */
    public BigDecimal unrealised(BigDecimal mark) {
        return quantity.multiply(mark).subtract(costBasis);
    }

    /** cash + quantity * mark. */
    public BigDecimal equity(BigDecimal mark) {
        return cash.add(quantity.multiply(mark));
    }

    public LedgerState state() {
        return new LedgerState(cash, quantity, costBasis, realisedPnl, commissions);
    }
}
