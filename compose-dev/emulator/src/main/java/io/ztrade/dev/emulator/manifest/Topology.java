package io.ztrade.dev.emulator.manifest;

import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.eventing.v1alpha1.KafkaSink;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.knative.sources.v1beta1.KafkaSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything the manifests declare, by kind. */
public record Topology(List<Manifest> manifests) {

    public Topology {
        manifests = List.copyOf(manifests);
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    public List<Broker> brokers() {
        return all(Broker.class);
    }

    public List<Trigger> triggers() {
        return all(Trigger.class);
    }

    public List<PingSource> pingSources() {
        return all(PingSource.class);
    }

    public List<KafkaSource> kafkaSources() {
        return all(KafkaSource.class);
    }

    public List<KafkaSink> kafkaSinks() {
        return all(KafkaSink.class);
    }

    /** Knative Services ({@code serving.knative.dev/v1}). */
    public List<io.fabric8.knative.serving.v1.Service> knativeServices() {
        return all(io.fabric8.knative.serving.v1.Service.class);
    }

    public List<Deployment> deployments() {
        return all(Deployment.class);
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
        return all(type).stream()
                .filter(r -> Objects.equals(r.getMetadata().getNamespace(), namespace) && Objects.equals(r.getMetadata().getName(), name))
                .findFirst();
    }

    /** Where {@code resource} was declared. */
    public Optional<Manifest> origin(HasMetadata resource) {
        return manifests.stream().filter(m -> m.resource() == resource).findFirst();
    }
}
