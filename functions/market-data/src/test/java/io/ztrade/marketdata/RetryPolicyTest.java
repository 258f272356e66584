package io.ztrade.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.marketdata.core.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void shouldDoubleTheBackoffUpToTheBound() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.backoff(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.backoff(40)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldReadRetryAfterAsSecondsOrAsAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryPolicy.retryAfter("7", clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryPolicy.retryAfter("Sun, 01 Mar 2026 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryPolicy.retryAfter("Sun, 01 Mar 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryPolicy.retryAfter("soon", clock)).isEqualTo(Optional.empty());
        assertThat(RetryPolicy.retryAfter(null, clock)).isEqualTo(Optional.empty());
    }
}
