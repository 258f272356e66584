package io.ztrade.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** Where events go: a broker's ingress. The platform's API is read at the same address. */
final class BrokerConnection {

    @Option(names = "--broker", paramLabel = "URL",
            defaultValue = "${env:ZTRADE_BROKER:-${env:ZTRADE_URL:-" + Connection.DEFAULT_URL + "}/ztrade/default}",
            description = "The broker ingress (POST /<namespace>/<broker>). Default: ${DEFAULT-VALUE}: $ZTRADE_BROKER,"
                    + " else $ZTRADE_URL/ztrade/default.")
    URI broker;

    PlatformClient client() {
        return new PlatformClient(broker);
    }
}
