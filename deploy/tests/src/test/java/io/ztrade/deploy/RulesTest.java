package io.ztrade.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.deploy.StrictManifests.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule refuses what it is there to refuse (a rule that cannot fail checks nothing). */
class RulesTest {

    private static final String FUNCTION = """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata:
              name: rogue
              namespace: ztrade
              annotations: {ztrade.io/module: functions/backtest}
            spec:
              template:
                metadata:
                  labels: {app.kubernetes.io/name: rogue}
                  annotations:
                    autoscaling.knative.dev/min-scale: "3"
                    autoscaling.knative.dev/max-scale: "2"
                    autoscaling.knative.dev/metric: cpu
                    autoscaling.knative.dev/target: "0"
                spec:
                  containerConcurrency: 2
                  timeoutSeconds: 900
                  containers:
                    - name: rogue
                      image: ztrade/fn-rogue:latest
                      env:
                        - name: X
                          valueFrom: {secretKeyRef: {name: no-such-secret, key: k}}
                        - name: Y
                          valueFrom: {secretKeyRef: {name: ztrade-db, key: no-such-key}}
                      securityContext: {runAsUser: 0}
            """;

    private static Rules prodWith(String yaml) {
        List<Resource> resources = new ArrayList<>(Rendered.of(Repository.ROOT.resolve("deploy/overlays/prod")));
        resources.addAll(StrictManifests.parse("test", yaml));
        return new Rules(resources, Rendered.secretTemplates());
    }

    @Test
    void aRootContainerWithoutLimitsOrProbesIsRefused() {
        assertThat(prodWith(FUNCTION).podsAreRestrictedAndSized()).contains(
                "Knative Service rogue container rogue: runAsNonRoot is not true",
                "Knative Service rogue container rogue: runs as user 0",
                "Knative Service rogue container rogue: allowPrivilegeEscalation is not false",
                "Knative Service rogue container rogue: capabilities do not drop ALL",
                "Knative Service rogue container rogue: no RuntimeDefault seccomp profile",
                "Knative Service rogue container rogue: requests must name cpu and memory",
                "Knative Service rogue container rogue: limits must name memory",
                "Knative Service rogue container rogue: no readinessProbe",
                "Knative Service rogue container rogue: no livenessProbe",
                "Knative Service rogue container rogue: image 'ztrade/fn-rogue:latest' is not pinned to a version");
    }

    @Test
    void anUnboundedOrOversizedJvmAndTwoCollectorsAreRefused() {
        assertThat(prodWith(FUNCTION).jvmsAreBoundedToTheirContainers())
                .contains("Knative Service rogue container rogue: JAVA_OPTS_APPEND must bound the heap (-Xmx) and the metaspace"
                        + " (-XX:MaxMetaspaceSize), was ''");
        assertThat(prodWith("""
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata: {name: big, namespace: ztrade}
                spec:
                  template:
                    spec:
                      containers:
                        - name: big
                          image: ztrade/fn-backtest:1
                          env:
                            - {name: GC_CONTAINER_OPTIONS, value: "-XX:+UseSerialGC"}
                            - {name: JAVA_OPTS_APPEND, value: "-XX:+UseG1GC -Xmx1g -Xmx400m -XX:MaxMetaspaceSize=128m"}
                          resources: {limits: {memory: 512Mi}}
                """).jvmsAreBoundedToTheirContainers()).contains(
                "Knative Service big container big: more than one collector [-XX:+UseSerialGC, -XX:+UseG1GC] (the JVM does not start)",
                "Knative Service big container big: heap 400 MiB + metaspace 128 MiB + code cache 240 MiB + 96 MiB for the rest"
                        + " exceed the memory limit 512Mi");
    }

    @Test
    void jvmSizesAreReadAsTheJvmReadsThem() {
        assertThat(Rules.jvmOption("-Xmx1g -Xss512k -Xmx96m", "-Xmx")).contains(96L << 20);
        assertThat(Rules.jvmOption("-Xss512k", "-Xss")).contains(512L << 10);
        assertThat(Rules.jvmOption("-XX:MaxMetaspaceSize=134217728", "-XX:MaxMetaspaceSize=")).contains(128L << 20);
        assertThat(Rules.jvmOption("-Xms16m", "-Xmx")).isEmpty();
    }

    @Test
    void badAutoscalingIsRefused() {
        assertThat(prodWith(FUNCTION).knativeServicesScaleExplicitly()).contains(
                "Knative Service rogue: no autoscaling.knative.dev/initial-scale",
                "Knative Service rogue: min-scale 3 exceeds max-scale 2",
                "Knative Service rogue: autoscaling.knative.dev/metric 'cpu' is not one of [concurrency, rps] for kpa.autoscaling.knative.dev",
                "Knative Service rogue: autoscaling.knative.dev/target '0' is not a positive number",
                "Knative Service rogue: autoscaling.knative.dev/scale-to-zero-pod-retention-period 'null' is not a duration",
                "Knative Service rogue: timeoutSeconds 900 must be set, at most 600 (Knative's default maximum)");
    }

    @Test
    void missingSecretsKeysAndAccountsAreRefused() {
        assertThat(prodWith(FUNCTION).referencesResolve()).contains(
                "Knative Service rogue: no serviceAccountName (the namespace's default account is not used)",
                "Knative Service rogue env X: Secret no-such-secret is neither in the manifests nor a template in deploy/secrets",
                "Knative Service rogue env Y: Secret ztrade-db has no key no-such-key (it has [jdbc-url, password, username])");
    }

    @Test
    void anImageTheModuleDoesNotBuildIsRefused() {
        assertThat(prodWith(FUNCTION).imagesAreTheOnesTheBuildProduces())
                .contains("Knative Service rogue: image ztrade/fn-rogue:latest is not ztrade/fn-backtest:" + ProjectVersion.get()
                        + ", the image module functions/backtest builds");
    }

    @Test
    void unroutedTypesUnorderedFillsAndUnknownTypesAreRefused() {
        List<String> out = prodWith("""
                apiVersion: eventing.knative.dev/v1
                kind: Trigger
                metadata: {name: backtest-order-filled, namespace: ztrade}
                spec:
                  broker: default
                  filter: {attributes: {type: io.ztrade.order.filled}}
                  subscriber: {ref: {apiVersion: serving.knative.dev/v1, kind: Service, name: backtest}}
                ---
                apiVersion: eventing.knative.dev/v1
                kind: Trigger
                metadata: {name: nobody-made-up, namespace: ztrade}
                spec:
                  broker: elsewhere
                  filter: {attributes: {type: io.ztrade.made.up}}
                  subscriber: {ref: {apiVersion: serving.knative.dev/v1, kind: Service, name: nobody}}
                """).eventingIsWired();
        assertThat(out).contains(
                "Trigger backtest-order-filled: delivers io.ztrade.order.filled and so needs kafka.eventing.knative.dev/delivery.order: ordered",
                "Trigger nobody-made-up: Broker elsewhere does not exist",
                "Trigger nobody-made-up subscriber: serving.knative.dev/v1 Service ztrade/nobody does not exist",
                "Trigger nobody-made-up: filters on io.ztrade.made.up, which is not in the event catalog (shared/events)");
    }

    @Test
    void aKafkaAddressThatIsNoBootstrapServiceIsRefused() {
        List<String> out = prodWith("""
                apiVersion: sources.knative.dev/v1beta1
                kind: KafkaSource
                metadata: {name: stray, namespace: ztrade}
                spec:
                  bootstrapServers: [my-kafka.kafka:9092]
                  topics: [ztrade.nothing]
                  sink: {ref: {apiVersion: eventing.knative.dev/v1, kind: Broker, name: default}}
                """).kafkaAddressesAndTopicsResolve();
        assertThat(out).anyMatch(s -> s.startsWith("KafkaSource stray: Kafka address my-kafka.kafka:9092 is not the bootstrap Service"))
                .contains("KafkaSource stray: topic ztrade.nothing is no KafkaTopic");
    }

    @Test
    void unknownFieldsAndUnknownKindsAreRefused() {
        assertThatThrownBy(() -> StrictManifests.parse("t", """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containerConcurency: 3
                """)).hasMessageContaining("unknown field(s) [containerConcurency]");
        assertThatThrownBy(() -> StrictManifests.parse("t", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: x}
                spec: {partitions: 3, replica: 3}
                """)).hasMessageContaining("unknown field(s) [replica]");
        assertThatThrownBy(() -> StrictManifests.parse("t", """
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata: {name: x}
                spec: {selector: {}, podMetricEndpoints: []}
                """)).hasMessageContaining("unknown field(s) [podMetricEndpoints]");
        assertThatThrownBy(() -> StrictManifests.parse("t", """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: x}
                spec: {instances: 3, storage: {size: 1Gi}, backup: {retentionPolicy: 30days}, bootstap: {}}
                """)).hasMessageContaining("spec.bootstap: not a field").hasMessageContaining("spec.backup.retentionPolicy: '30days'");
        assertThatThrownBy(() -> StrictManifests.parse("t", """
                apiVersion: serving.knative.dev/v1
                kind: Servic
                metadata: {name: x}
                """)).hasMessageContaining("no typed model for serving.knative.dev/v1/Servic");
    }

    @Test
    void aNamespaceWithoutRestrictedPodSecurityIsRefused() {
        List<Resource> resources = new ArrayList<>(Rendered.of(Repository.ROOT.resolve("deploy/overlays/prod")));
        resources.removeIf(r -> r.kind().equals("Namespace"));
        resources.addAll(StrictManifests.parse("t", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: ztrade}
                """));
        assertThat(new Rules(resources, List.of()).namespacesEnforceRestricted())
                .contains("Namespace ztrade: pod-security.kubernetes.io/enforce must be restricted");
    }
}
