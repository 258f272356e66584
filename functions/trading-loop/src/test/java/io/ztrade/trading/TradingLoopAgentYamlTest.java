package io.ztrade.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.domain.trading.AgentKind;
import io.ztrade.domain.trading.AgentSpec;
import io.ztrade.domain.trading.InvalidAgentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The YAML adapter alone, and the repository's example agents (agents/). */
class TradingLoopAgentYamlTest {

    static final Path AGENTS = Path.of(System.getProperty("user.dir")).resolve("../../agents").normalize();

    @Test
    void shouldParseEveryExampleAgentOfTheRepository() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(AGENTS)) {
            files = s.map(p -> p.resolve("context.yaml")).filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        List<AgentSpec> specs = files.stream()
                .map(f -> AgentYaml.parse(readString(f), "agents/" + f.getParent().getFileName() + "/context.yaml").spec())
                .toList();
        assertThat(specs).extracting(AgentSpec::id).contains("aapl-sma-crossover", "btc-momentum", "eth-combined");
        assertThat(specs).filteredOn(s -> s.kind() == AgentKind.MARKET_MAKER).extracting(AgentSpec::symbol)
                .containsExactlyInAnyOrder("AAPL", "BTC-USD", "ETH-USD");
        assertThat(specs).filteredOn(s -> s.id().equals("eth-combined")).singleElement()
                .satisfies(s -> assertThat(s.strategy().id()).isEqualTo("ztrade-combined"));
        for (Path f : files) {
            assertThat(f.getParent().getFileName().toString()).as("folder named after the id")
                    .isEqualTo(specs.get(files.indexOf(f)).id());
        }
    }

    @Test
    void shouldReadDecimalsExactlyAndRoundTripTheStoredForm() {
        AgentYaml.Parsed p = AgentYaml.parse("id: a\nsymbol: AAPL\ntimeframe: 1Day\nstrategy: sma-crossover\n"
                + "capital: 10000.10\nmaxPositionSize: 3\nstopLoss: 0.05\n", "a.yaml");
        assertThat(p.spec().capital()).isEqualByComparingTo("10000.10");
        AgentSpec again = AgentYaml.fromJson(AgentYaml.toJson(p.tree()), "a.yaml");
        assertThat(again.capital()).isEqualByComparingTo("10000.10");
        assertThat(again.stopLoss()).isEqualByComparingTo("0.05");
    }

    @Test
    void shouldNameTheFileForTextThatIsNotAMappingOrHasADuplicateKey() {
        assertThatThrownBy(() -> AgentYaml.parse("- just\n- a list\n", "agents/x/context.yaml"))
                .isInstanceOfSatisfying(InvalidAgentException.class, e -> {
                    assertThat(e.file()).isEqualTo("agents/x/context.yaml");
                    assertThat(e.field()).isEqualTo("yaml");
                });
        assertThatThrownBy(() -> AgentYaml.parse("id: a\nid: b\n", "agents/x/context.yaml"))
                .isInstanceOfSatisfying(InvalidAgentException.class, e -> assertThat(e.getMessage())
                        .contains("agents/x/context.yaml").contains("id"));
    }

    static String readString(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
