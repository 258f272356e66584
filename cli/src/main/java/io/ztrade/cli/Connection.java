package io.ztrade.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** Where the platform is, for commands that read its JSON API. */
final class Connection {

    static final String DEFAULT_URL = "http://localhost:8080";

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:ZTRADE_URL:-" + DEFAULT_URL + "}",
            description = "The platform (broker ingress, status page and API). Default: ${DEFAULT-VALUE}, or $ZTRADE_URL.")
    URI url;

    PlatformClient client() {
        return new PlatformClient(url);
    }
}
