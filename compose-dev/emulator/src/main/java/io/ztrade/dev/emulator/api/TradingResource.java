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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
    public TradingViews.AgentDetail agent(@PathParam("id") String id, @QueryParam("points") @DefaultValue("1000") String points,
            @QueryParam("limit") @DefaultValue("50") String limit) throws SQLException {
        int p = range("points", points, 10_000);
        int l = range("limit", limit, 1000);
        return reads.agent(id, p, l).orElseThrow(() -> unknownAgent("id", id));
    }

    @GET
    @Path("positions")
    public List<TradingViews.Position> positions() throws SQLException {
        return reads.positions();
    }

    @GET
    @Path("pnl")
    public TradingViews.Pnl pnl(@QueryParam("agent") String agent, @Context UriInfo uri) throws SQLException {
        return reads.pnl(knownAgent(agent, uri));
    }

    @GET
    @Path("risk")
    public TradingViews.Risk risk() throws SQLException {
        return reads.risk();
    }

    @GET
    @Path("orders")
    public List<TradingViews.Order> orders(@QueryParam("agent") String agent, @QueryParam("limit") @DefaultValue("100") String limit,
            @Context UriInfo uri) throws SQLException {
        int l = range("limit", limit, 1000);
        return reads.orders(knownAgent(agent, uri), l);
    }

    /** {@code agent} when it names an agent; null without the parameter; 400 when empty, 404 when unknown. */
    private String knownAgent(String agent, UriInfo uri) throws SQLException {
        if (agent == null && !uri.getQueryParameters().containsKey("agent")) {
            return null;
        }
        if (agent == null || agent.isBlank()) {
            throw new ApiResource.BadRequest("agent", "must name an agent, was empty");
        }
        if (!reads.exists(agent)) {
            throw unknownAgent("agent", agent);
        }
        return agent;
    }

    /** A whole number in 1..max, parsed here so that a bad one is answered with 400 naming the parameter. */
    private static int range(String field, String text, int max) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ApiResource.BadRequest(field, "must be a whole number between 1 and " + max + ", was '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
        if (value < 1 || value > max) {
            throw new ApiResource.BadRequest(field, "must be between 1 and " + max + ", was " + value);
        }
        return value;
    }

    private static WebApplicationException unknownAgent(String field, String id) {
        return new WebApplicationException(BrokerIngress.error(Response.Status.NOT_FOUND, field + ": no agent '" + id + "'", field));
    }
}
