package io.ztrade.marketdata;

import io.ztrade.marketdata.alpaca.AlpacaBarsProvider;
import io.ztrade.marketdata.alpaca.RestClientAlpacaTransport;
import io.ztrade.marketdata.core.BarProvider;
import io.ztrade.marketdata.core.RetryPolicy;
import io.ztrade.marketdata.replay.ReplayClock;
import io.ztrade.marketdata.replay.ReplayProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Picks the bar provider from configuration: Alpaca when a key is configured (or asked for), else replay. */
public class Providers {

    private static final Logger LOG = Logger.getLogger(Providers.class);

    @Produces
    @ApplicationScoped
    BarProvider provider(MarketDataConfig config) {
        BarProvider p = create(config, Clock.systemUTC());
        LOG.infof("market data from %s", p.name());
        return p;
    }

    static BarProvider create(MarketDataConfig config, Clock clock) {
        String kind = config.provider().strip().toLowerCase(java.util.Locale.ROOT);
        boolean hasKey = config.alpaca().keyId().filter(k -> !k.isBlank()).isPresent();
        switch (kind) {
            case "alpaca" -> {
                return alpaca(config, clock);
            }
            case "replay" -> {
                return replay(config, clock);
            }
            case "auto" -> {
                return hasKey ? alpaca(config, clock) : replay(config, clock);
            }
            default -> throw new IllegalArgumentException(
                    "ztrade.marketdata.provider: expected auto, alpaca or replay, was '" + config.provider() + "'");
        }
    }

    private static BarProvider alpaca(MarketDataConfig config, Clock clock) {
        MarketDataConfig.Alpaca a = config.alpaca();
        RestClientAlpacaTransport transport = new RestClientAlpacaTransport(a.url(), a.connectTimeout(), a.readTimeout(),
                a.keyId().orElse(null), a.secretKey().orElse(null));
        return new AlpacaBarsProvider(transport, new RetryPolicy(a.maxAttempts(), a.backoff(), a.maxBackoff()),
                RetryPolicy.Sleeper.REAL, clock, a.pageLimit(), a.maxPages());
    }

    private static BarProvider replay(MarketDataConfig config, Clock clock) {
        MarketDataConfig.Replay r = config.replay();
        return new ReplayProvider(new ReplayClock(clock, r.anchor(), r.speed()), r.start(), r.loop());
    }
}
