package io.ztrade.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ztrade dev FUNCTION...}: {@code ztrade up --dev FUNCTION,...}, the inner loop: the platform
 * as {@code up} runs it, with these functions in Quarkus dev mode from their sources.
 */
@Command(name = "dev",
        description = {"Starts the platform like `up`, with these functions in Quarkus dev mode from their sources:",
                "edit a function's code and the next event it gets runs the new code; nothing else restarts.",
                "The first start compiles the function and the modules it uses (a minute or two)."},
        mixinStandardHelpOptions = true)
final class DevCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FUNCTION", description = "Knative Service names, e.g. backtest.")
    List<String> functions;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
            description = "Port of the broker ingress, the status page and the API. Default: ${DEFAULT-VALUE}.")
    int port;

    @Override
    public Integer call() throws Exception {
        UpCommand up = new UpCommand();
        up.port = port;
        up.dev.addAll(functions);
        return up.call();
    }
}
