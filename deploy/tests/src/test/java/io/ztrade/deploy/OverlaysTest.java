package io.ztrade.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every rule of deploy/README.md, on the kustomize output of every overlay. */
class OverlaysTest {

    private static final Map<String, Function<Rules, List<String>>> RULES = Map.of(
            "pods are restricted, sized and probed", Rules::podsAreRestrictedAndSized,
            "JVMs are bounded to their containers", Rules::jvmsAreBoundedToTheirContainers,
            "Knative Services scale explicitly", Rules::knativeServicesScaleExplicitly,
            "images are the ones the build produces", Rules::imagesAreTheOnesTheBuildProduces,
            "references resolve", Rules::referencesResolve,
            "eventing is wired", Rules::eventingIsWired,
            "Kafka addresses and topics resolve", Rules::kafkaAddressesAndTopicsResolve,
            "namespaces enforce restricted", Rules::namespacesEnforceRestricted);

    @TestFactory
    Stream<DynamicTest> everyOverlayKeepsEveryRule() {
        return Repository.overlays().stream().flatMap(o -> RULES.entrySet().stream().map(rule -> DynamicTest.dynamicTest(
                o.getFileName() + ": " + rule.getKey(),
                () -> assertThat(rule.getValue().apply(Rendered.rules(o))).as(rule.getKey()).isEmpty())));
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayRunsAWorkloadOfEveryDeployableModule() {
        return Repository.overlays().stream().map(o -> DynamicTest.dynamicTest(o.getFileName().toString(), () -> {
            List<String> modules = Workload.of(Rendered.of(o)).stream()
                    .map(w -> w.owner().getMetadata().getAnnotations() == null ? null
                            : w.owner().getMetadata().getAnnotations().get(Rules.MODULE_ANNOTATION))
                    .filter(m -> m != null).toList();
            assertThat(modules).containsAll(Deployables.modules().stream().map(Path::toString).toList());
        }));
    }
}
