package io.ztrade.dev.serving;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checked-out repository these tests run in. */
final class Repository {

    private Repository() {}

    /** The nearest directory above the working directory that holds {@code mvnw} and {@code knative/}. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("knative"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }
}
