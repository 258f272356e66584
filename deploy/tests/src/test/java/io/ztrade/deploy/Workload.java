package io.ztrade.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pods the manifests declare directly: Knative Services, Deployments and StatefulSets, with
 * their pod template's labels and spec.
 */
record Workload(HasMetadata owner, Map<String, String> labels, Map<String, String> annotations, PodSpec pod) {

    String name() {
        String kind = owner instanceof io.fabric8.knative.serving.v1.Service ? "Knative Service" : owner.getKind();
        return kind + " " + owner.getMetadata().getName();
    }

    static List<Workload> of(List<StrictManifests.Resource> resources) {
        List<Workload> out = new ArrayList<>();
        for (StrictManifests.Resource r : resources) {
            switch (r.model()) {
                case io.fabric8.knative.serving.v1.Service s when s.getSpec() != null && s.getSpec().getTemplate() != null -> {
                    var t = s.getSpec().getTemplate();
                    var spec = t.getSpec();
                    PodSpec pod = new PodSpec();
                    pod.setContainers(spec.getContainers());
                    pod.setSecurityContext(spec.getSecurityContext());
                    pod.setServiceAccountName(spec.getServiceAccountName());
                    pod.setAutomountServiceAccountToken(spec.getAutomountServiceAccountToken());
                    pod.setVolumes(spec.getVolumes());
                    pod.setInitContainers(spec.getInitContainers());
                    out.add(new Workload(s, labels(t.getMetadata() == null ? null : t.getMetadata().getLabels()),
                            labels(t.getMetadata() == null ? null : t.getMetadata().getAnnotations()), pod));
                }
                case Deployment d -> out.add(new Workload(d, labels(d.getSpec().getTemplate().getMetadata().getLabels()),
                        labels(d.getSpec().getTemplate().getMetadata().getAnnotations()), d.getSpec().getTemplate().getSpec()));
                case StatefulSet s -> out.add(new Workload(s, labels(s.getSpec().getTemplate().getMetadata().getLabels()),
                        labels(s.getSpec().getTemplate().getMetadata().getAnnotations()), s.getSpec().getTemplate().getSpec()));
                default -> { }
            }
        }
        return out;
    }

    private static Map<String, String> labels(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }
}
