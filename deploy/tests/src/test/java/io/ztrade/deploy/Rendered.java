package io.ztrade.deploy;

import io.ztrade.deploy.StrictManifests.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Kustomize output, parsed strictly, once per folder and JVM. */
final class Rendered {

    private static final Map<Path, List<Resource>> CACHE = new ConcurrentHashMap<>();

    private Rendered() {}

    static String yaml(Path dir) {
        return Tools.run(Repository.ROOT, List.of(Tools.kustomize().toString(), "build", Repository.relative(dir)));
    }

    static List<Resource> of(Path dir) {
        return CACHE.computeIfAbsent(dir, d -> StrictManifests.parse("kustomize build " + Repository.relative(d), yaml(d)));
    }

    /** The Secret templates of deploy/secrets. */
    static List<Resource> secretTemplates() {
        List<Resource> out = new ArrayList<>();
        for (Path f : Repository.manifestFiles()) {
            if (Repository.isSecretTemplate(f)) {
                out.addAll(StrictManifests.read(f));
            }
        }
        return out;
    }

    static Rules rules(Path overlay) {
        return new Rules(of(overlay), secretTemplates());
    }
}
