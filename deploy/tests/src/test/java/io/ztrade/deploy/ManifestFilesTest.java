package io.ztrade.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fabric8.kubernetes.api.model.Secret;
import io.ztrade.deploy.StrictManifests.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every manifest file of the repository, on its own and as the overlays render it. */
class ManifestFilesTest {

    @Test
    void theManifestFoldersHoldManifests() {
        List<Path> files = Repository.manifestFiles();
        for (String folder : List.of("knative", "eventing", "infra", "deploy/secrets")) {
            assertThat(files).as(folder).anyMatch(f -> f.startsWith(Repository.ROOT.resolve(folder)));
        }
        assertThat(Repository.overlays()).extracting(p -> p.getFileName().toString()).contains("dev", "prod");
    }

    @TestFactory
    Stream<DynamicTest> everyManifestFileParsesIntoTypedModelsWithoutUnknownFields() {
        return Repository.manifestFiles().stream().map(f -> DynamicTest.dynamicTest(Repository.relative(f),
                () -> assertThat(StrictManifests.read(f)).isNotEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyFolderWithAKustomizationRendersAlone() {
        return Stream.of("knative", "eventing", "infra").map(d -> DynamicTest.dynamicTest(d,
                () -> assertThatCode(() -> Rendered.of(Repository.ROOT.resolve(d))).doesNotThrowAnyException()));
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayContainsEveryResourceOfTheBases() {
        Set<String> declared = new TreeSet<>();
        for (Path f : Repository.manifestFiles()) {
            if (!Repository.isSecretTemplate(f)) {
                StrictManifests.read(f).forEach(r -> declared.add(key(r)));
            }
        }
        return Repository.overlays().stream().map(o -> DynamicTest.dynamicTest(Repository.relative(o), () -> {
            Set<String> rendered = Rendered.of(o).stream().map(ManifestFilesTest::key).collect(Collectors.toCollection(TreeSet::new));
            assertThat(rendered).as("resources of %s", Repository.relative(o)).containsAll(declared);
        }));
    }

    @Test
    void secretTemplatesCarryNoValues() {
        List<Resource> templates = Rendered.secretTemplates();
        assertThat(templates).isNotEmpty();
        for (Resource r : templates) {
            assertThat(r.model()).as(r.origin()).isInstanceOf(Secret.class);
            Secret s = (Secret) r.model();
            assertThat(s.getData()).as("%s: data", r.origin()).isNullOrEmpty();
            assertThat(s.getStringData()).as("%s: keys", r.origin()).isNotEmpty();
            assertThat(s.getStringData().values()).as("%s: values", r.origin()).allMatch(String::isEmpty);
        }
        for (Path o : Repository.overlays()) {
            assertThat(Rendered.of(o)).as("an overlay applies no Secret (they are created per cluster)")
                    .noneMatch(r -> r.model() instanceof Secret);
        }
    }

    private static String key(Resource r) {
        return r.model().getApiVersion() + " " + r.kind() + " " + r.namespace() + "/" + r.name();
    }
}
