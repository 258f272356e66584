package io.ztrade.dev.emulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.ztrade.dev.emulator.trading.TradingReads;
import io.ztrade.dev.emulator.trading.TradingViews;
import io.ztrade.domain.trading.RiskLimits;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code GET /api/trading/**}: what the trading loop booked in PostgreSQL, read-only, for the
 * dashboard and {@code ztrade agents|positions|pnl|risk|orders}. Money as exact decimal strings.
 * Bad parameters answer 400 naming the parameter, an unknown agent 404 naming it.
 */
@Path("/api/trading")
@Produces(MediaType.APPLICATION_JSON)
public class TradingResource {

    private final TradingReads reads;

    public TradingResource(AgroalDataSource dataSource, ObjectMapper json) {
        this.reads = new TradingReads(dataSource, json, RiskLimits.defaults());
    }

    /** Every agent with its status, capital, equity and P&L. */
    @GET
    @Path("agents")
    public List<TradingViews.AgentSummary> agents() throws SQLException {
        return reads.agents();
    }

    /**
     * One agent: settings, position, equity curve (newest {@code points}, oldest first), newest
     * {@code limit} signals with their reasoning, orders and fills.
     */
    @GET
    @Path("agents/{id}")
    public TradingViews.AgentDetail agent(@PathParam("id") String id, @QueryParam("points") @DefaultValue("1000") int points,
            @QueryParam("limit") @DefaultValue("50") int limit) throws SQLException {
        range("points", points, 10_000);
        range("limit", limit, 1000);
        return reads.agent(id, points, limit).orElseThrow(() -> unknownAgent("id", id));
    }

    @GET
    @Path("positions")
    public List<TradingViews.Position> positions() throws SQLException {
        return reads.positions();
    }

    @GET
    @Path("pnl")
    public TradingViews.Pnl pnl(@QueryParam("agent") String agent) throws SQLException {
        return reads.pnl(knownAgent(agent));
    }

    @GET
    @Path("risk")
    public TradingViews.Risk risk() throws SQLException {
        return reads.risk();
    }

    @GET
    @Path("orders")
    public List<TradingViews.Order> orders(@QueryParam("agent") String agent, @QueryParam("limit") @DefaultValue("100") int limit)
            throws SQLException {
        range("limit", limit, 1000);
        return reads.orders(knownAgent(agent), limit);
    }

    private String knownAgent(String agent) throws SQLException {
        if (agent == null) {
            return null;
        }
        if (agent.isBlank()) {
            throw new ApiResource.BadRequest("agent", "must name an agent, was empty");
        }
        if (!reads.exists(agent)) {
            throw unknownAgent("agent", agent);
        }
        return agent;
    }

    private static void range(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw new ApiResource.BadRequest(field, "must be between 1 and " + max + ", was " + value);
        }
    }

    private static WebApplicationException unknownAgent(String field, String id) {
        return new WebApplicationException(BrokerIngress.error(Response.Status.NOT_FOUND, field + ": no agent '" + id + "'", field));
    }
}
