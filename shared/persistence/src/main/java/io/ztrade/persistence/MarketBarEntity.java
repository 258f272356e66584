package io.ztrade.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One stored bar; unique on symbol + timeframe + bar time. */
@Entity
@Table(name = "market_bar")
public class MarketBarEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String symbol;

    @Column(nullable = false)
    public String timeframe;

    @Column(name = "bar_time", nullable = false)
    public Instant time;

    @Column(nullable = false)
    public BigDecimal open;

    @Column(nullable = false)
    public BigDecimal high;

    @Column(nullable = false)
    public BigDecimal low;

    @Column(nullable = false)
    public BigDecimal close;

    @Column(nullable = false)
    public BigDecimal volume;

    /** Where the bar came from, e.g. {@code ta4j-examples:appleinc} or a provider name. */
    @Column(nullable = false)
    public String source;
}
