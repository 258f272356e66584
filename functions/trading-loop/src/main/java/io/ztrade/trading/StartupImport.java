package io.ztrade.trading;

import io.quarkus.runtime.StartupEvent;
import io.ztrade.domain.trading.AgentStatus;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.AgentCommand;
import io.ztrade.events.payload.AgentCommandRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * On start, imports every {@code <import-dir>/<id>/context.yaml} whose agent is not stored yet (the
 * local platform points {@code ztrade.trading.import-dir} at the repository's {@code agents/}). An
 * agent already stored is left as it is: its status and account are the database's.
 */
@ApplicationScoped
public class StartupImport {

    private static final Logger LOG = Logger.getLogger(StartupImport.class);

    private final TradingConfig config;
    private final AgentCommands commands;
    private final Agents agents;

    public StartupImport(TradingConfig config, AgentCommands commands, Agents agents) {
        this.config = config;
        this.commands = commands;
        this.agents = agents;
    }

    void onStart(@Observes StartupEvent event) {
        config.importDir().filter(d -> !d.isBlank()).map(Path::of).filter(Files::isDirectory).ifPresent(this::importAll);
    }

    /** Imports the folder's agents that are not stored; returns how many were imported. */
    public int importAll(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.resolve("context.yaml")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        int imported = 0;
        for (Path f : files) {
            String file = dir.getFileName() + "/" + f.getParent().getFileName() + "/context.yaml";
            String yaml;
            try {
                yaml = Files.readString(f);
            } catch (IOException e) {
                LOG.errorf("cannot read %s: %s", f, e.getMessage());
                continue;
            }
            AgentYaml.Parsed parsed;
            try {
                parsed = AgentYaml.parse(yaml, file);
            } catch (RuntimeException e) {
                LOG.errorf("agent %s not imported: %s", file, e.getMessage());
                continue;
            }
            if (agents.find(parsed.spec().id()).isPresent()) {
                continue;
            }
            AgentStatus status = AgentCommands.isMarketMaker(parsed) && config.startImportedMarketMakers()
                    ? AgentStatus.RUNNING : AgentStatus.STOPPED;
            AgentCommands.Reply r = commands.importAgent(new AgentCommand(AgentCommand.IMPORT, null, file, yaml, null), file,
                    status);
            if (EventTypes.AGENT_COMMAND_REJECTED.equals(r.type())) {
                LOG.errorf("agent %s not imported: %s", file, ((AgentCommandRejected) r.data()).reason());
            } else {
                imported++;
                LOG.infof("agent %s imported from %s (%s)", parsed.spec().id(), file, status);
            }
        }
        return imported;
    }
}
