package io.ztrade.dev.emulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.knative.duck.v1.DeliverySpec;
import io.fabric8.knative.duck.v1.DeliverySpecBuilder;
import io.fabric8.knative.duck.v1.Destination;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    @Test
    void defaultsToOneAttemptExponentialFrom200MillisWithoutDeadLetters() {
        DeliveryPolicy p = DeliveryPolicy.resolve("spec.delivery", null, null, DEFAULT_TIMEOUT);
        assertThat(p.retry()).isZero();
        assertThat(p.backoff()).isEqualTo(DeliveryPolicy.Backoff.EXPONENTIAL);
        assertThat(p.backoffDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(p.timeout()).isEqualTo(DEFAULT_TIMEOUT);
        assertThat(p.deadLetterSink()).isNull();
        assertThat(p.structured()).isFalse();
    }

    @Test
    void linearBackoffGrowsByTheDelayPerRetry() {
        DeliveryPolicy p = DeliveryPolicy.resolve("d", new DeliverySpecBuilder().withRetry(3).withBackoffPolicy("linear")
                .withBackoffDelay("PT0.5S").build(), null, DEFAULT_TIMEOUT);
        assertThat(p.backoffBefore(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(p.backoffBefore(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(p.backoffBefore(3)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void exponentialBackoffDoublesPerRetry() {
        DeliveryPolicy p = DeliveryPolicy.resolve("d", new DeliverySpecBuilder().withRetry(3).withBackoffPolicy("exponential")
                .withBackoffDelay("PT1S").build(), null, DEFAULT_TIMEOUT);
        assertThat(p.backoffBefore(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.backoffBefore(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.backoffBefore(3)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aTriggerInheritsWhatItsDeliveryLeavesOutFromTheBroker() {
        Destination dls = new Destination(null, null, null, "http://dead.example/");
        DeliverySpec broker = new DeliverySpecBuilder().withRetry(5).withBackoffDelay("PT2S").withTimeout("PT10S")
                .withDeadLetterSink(dls).build();
        DeliverySpec trigger = new DeliverySpecBuilder().withRetry(1).withFormat("json").build();
        DeliveryPolicy p = DeliveryPolicy.resolve("d", trigger, broker, DEFAULT_TIMEOUT);
        assertThat(p.retry()).isEqualTo(1);
        assertThat(p.backoffDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.deadLetterSink()).isEqualTo(dls);
        assertThat(p.structured()).isTrue();
    }

    @Test
    void rejectsMalformedValuesNamingTheField() {
        assertThatThrownBy(() -> DeliveryPolicy.resolve("spec.delivery", new DeliverySpecBuilder().withBackoffDelay("2s").build(), null,
                DEFAULT_TIMEOUT)).hasMessageStartingWith("spec.delivery.backoffDelay:");
        assertThatThrownBy(() -> DeliveryPolicy.resolve("spec.delivery", new DeliverySpecBuilder().withBackoffPolicy("fibonacci").build(),
                null, DEFAULT_TIMEOUT)).hasMessageStartingWith("spec.delivery.backoffPolicy:");
        assertThatThrownBy(() -> DeliveryPolicy.resolve("spec.delivery", new DeliverySpecBuilder().withRetry(-1).build(), null,
                DEFAULT_TIMEOUT)).hasMessageStartingWith("spec.delivery.retry:");
        assertThatThrownBy(() -> DeliveryPolicy.resolve("spec.delivery", new DeliverySpecBuilder().withTimeout("PT0S").build(), null,
                DEFAULT_TIMEOUT)).hasMessageStartingWith("spec.delivery.timeout:");
    }
}
