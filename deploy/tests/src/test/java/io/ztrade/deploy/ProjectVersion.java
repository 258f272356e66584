package io.ztrade.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The version of the build (the root pom's), which tags every image it produces. */
final class ProjectVersion {

    private static final Pattern VERSION = Pattern.compile("<artifactId>ztrade-parent</artifactId>\\s*<version>([^<]+)</version>");

    private ProjectVersion() {}

    static String get() {
        try {
            Matcher m = VERSION.matcher(Files.readString(Repository.ROOT.resolve("pom.xml")));
            if (!m.find()) {
                throw new IllegalStateException("no version in the root pom.xml");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
