package io.ztrade.orderbook.service.api;

import io.ztrade.orderbook.engine.InstrumentSpec;
import io.ztrade.orderbook.service.OrderbookConfig;
import io.ztrade.orderbook.service.OrderbookService;
import io.ztrade.orderbook.service.core.CommandDecoder;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The read side of the REST API: books and instruments. Open to anyone who can reach the service. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class BooksResource {

    /** Levels per side when {@code depth} is not given. */
    static final int DEFAULT_DEPTH = 10;

    @Inject
    OrderbookService service;

    @Inject
    OrderbookConfig config;

    /** Aggregated depth of one book, best price first, read between two commands of its sequencer. */
    @GET
    @Path("/books/{symbol}")
    public CompletionStage<Response> book(@PathParam("symbol") String symbol, @QueryParam("depth") String depth) {
        InstrumentSpec spec = service.instruments().find(symbol);
        if (spec == null) {
            return CompletableFuture.completedFuture(Responses.error(404, "unknown_symbol", "symbol",
                    new CommandDecoder(service.instruments()).unknownSymbol(symbol).message()));
        }
        int levels = DEFAULT_DEPTH;
        if (depth != null) {
            long parsed = CommandDecoder.parseOrderId(depth);
            if (parsed < 1 || parsed > config.maxDepth()) {
                return CompletableFuture.completedFuture(Responses.error(400, "invalid_request", "depth",
                        "must be an integer from 1 to " + config.maxDepth() + ", was '" + depth + "'"));
            }
            levels = (int) parsed;
        }
        int n = levels;
        try {
            return service.node().read(symbol, book -> Views.BookResponse.of(spec, book, n))
                    .handle((view, error) -> error == null ? Response.ok(view).build() : Responses.failure(error));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Responses.failure(e));
        }
    }

    /** The configured instruments, by symbol. */
    @GET
    @Path("/instruments")
    public List<Views.InstrumentView> instruments() {
        return service.instruments().all().stream().map(Views.InstrumentView::of).toList();
    }
}
