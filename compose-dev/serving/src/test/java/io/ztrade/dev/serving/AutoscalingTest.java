package io.ztrade.dev.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoscalingTest {

    private static final Duration LOCAL_DEFAULT = Duration.ofSeconds(30);

    @Test
    void readsEveryAnnotationAndContainerConcurrency() {
        Autoscaling a = Autoscaling.of(Map.of(
                "autoscaling.knative.dev/min-scale", "1",
                "autoscaling.knative.dev/max-scale", "4",
                "autoscaling.knative.dev/target", "2.5",
                "autoscaling.knative.dev/scale-to-zero-pod-retention-period", "1m30s"), 3L, LOCAL_DEFAULT);

        assertThat(a).isEqualTo(new Autoscaling(1, 4, 2.5, 3, Duration.ofSeconds(90)));
    }

    @Test
    void understandsTheOlderCamelCaseScaleAnnotations() {
        Autoscaling a = Autoscaling.of(Map.of("autoscaling.knative.dev/minScale", "2", "autoscaling.knative.dev/maxScale", "5"),
                null, LOCAL_DEFAULT);

        assertThat(a.minScale()).isEqualTo(2);
        assertThat(a.maxScale()).isEqualTo(5);
    }

    @Test
    void defaultsToKnativesConfigExceptTheLocalRetention() {
        Autoscaling a = Autoscaling.of(Map.of(), null, LOCAL_DEFAULT);

        assertThat(a).isEqualTo(new Autoscaling(0, 0, 100, 0, LOCAL_DEFAULT));
    }

    @Test
    void targetsContainerConcurrencyWhenNoTargetIsSet() {
        assertThat(Autoscaling.of(Map.of(), 4L, LOCAL_DEFAULT).target()).isEqualTo(4);
    }

    @Test
    void rejectsInvalidValuesNamingTheAnnotation() {
        assertThatThrownBy(() -> Autoscaling.of(Map.of("autoscaling.knative.dev/max-scale", "many"), null, LOCAL_DEFAULT))
                .hasMessageContaining("autoscaling.knative.dev/max-scale").hasMessageContaining("many");
        assertThatThrownBy(() -> Autoscaling.of(Map.of("autoscaling.knative.dev/min-scale", "3", "autoscaling.knative.dev/max-scale", "2"),
                null, LOCAL_DEFAULT)).hasMessageContaining("min-scale (3) must not exceed");
        assertThatThrownBy(() -> Autoscaling.of(Map.of("autoscaling.knative.dev/target", "0"), null, LOCAL_DEFAULT))
                .hasMessageContaining("autoscaling.knative.dev/target must be positive");
        assertThatThrownBy(() -> Autoscaling.of(Map.of("autoscaling.knative.dev/scale-to-zero-pod-retention-period", "soon"),
                null, LOCAL_DEFAULT)).hasMessageContaining("scale-to-zero-pod-retention-period").hasMessageContaining("soon");
    }

    @Test
    void wantsNoReplicaWithoutDemandUnlessMinScaleSaysSo() {
        assertThat(new Autoscaling(0, 0, 10, 0, LOCAL_DEFAULT).desiredReplicas(0)).isZero();
        assertThat(new Autoscaling(2, 0, 10, 0, LOCAL_DEFAULT).desiredReplicas(0)).isEqualTo(2);
    }

    @Test
    void wantsOneReplicaPerTargetOfDemandUpToMaxScale() {
        Autoscaling a = new Autoscaling(0, 3, 2, 0, LOCAL_DEFAULT);

        assertThat(a.desiredReplicas(1)).isEqualTo(1);
        assertThat(a.desiredReplicas(2)).isEqualTo(1);
        assertThat(a.desiredReplicas(3)).isEqualTo(2);
        assertThat(a.desiredReplicas(100)).isEqualTo(3);
        assertThat(new Autoscaling(0, 0, 2, 0, LOCAL_DEFAULT).desiredReplicas(100)).as("unbounded").isEqualTo(50);
    }

    @Test
    void wantsEnoughSlotsForTheHardLimitEvenAboveTheTarget() {
        Autoscaling a = new Autoscaling(0, 0, 10, 1, LOCAL_DEFAULT);

        assertThat(a.desiredReplicas(3)).isEqualTo(3);
    }
}
