package io.ztrade.orderbook.service.api;

import io.ztrade.events.EventCodec;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.service.OrderbookService;
import io.ztrade.orderbook.service.core.CommandDecoder;
import io.ztrade.orderbook.service.core.Reject;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The write side of the REST API. Each call decodes and checks its input, then hands the command to
 * the sequencer (which records it in {@code ztrade.orders} before applying it) and answers with the
 * result. Input that fails the checks is answered at once and never recorded. A write for a book
 * another replica owns is forwarded to that replica ({@link OwnerForwarding}).
 */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@WriteAccess
public class OrdersResource {

    @Inject
    OrderbookService service;

    @Inject
    OwnerForwarding forwarding;

    /** Places an order. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> place(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        OrderRequest request;
        try {
            request = EventCodec.decode(body, OrderRequest.class);
        } catch (InvalidEventException e) {
            return done(Responses.refused(invalid(e), null, null, false));
        }
        if (!OrderRequest.PLACE.equals(request.command())) {
            return done(Responses.refused(new Reject(Reject.INVALID_REQUEST, "command",
                    "POST places orders: leave command out (cancel with DELETE, amend with PATCH)"), null,
                    request.clientOrderId(), false));
        }
        CommandDecoder.Decoding decoding = new CommandDecoder(service.instruments()).decode(request);
        if (!decoding.ok()) {
            return done(Responses.refused(decoding.reject(), null, request.clientOrderId(), false));
        }
        return submit(request, false, new Origin("POST", uri, headers, body));
    }

    /** Cancels a resting order. */
    @DELETE
    @Path("/{symbol}/{orderId}")
    public CompletionStage<Response> cancel(@PathParam("symbol") String symbol, @PathParam("orderId") String orderId,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Response refused = checkPath(symbol, orderId);
        if (refused != null) {
            return done(refused);
        }
        return submit(OrderRequest.cancel(symbol, orderId, null), true, new Origin("DELETE", uri, headers, null));
    }

    /** Changes the price and/or the open quantity of a resting order: {@code {"price"?, "quantity"?}}. */
    @PATCH
    @Path("/{symbol}/{orderId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> amend(@PathParam("symbol") String symbol, @PathParam("orderId") String orderId,
            byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        Response refused = checkPath(symbol, orderId);
        if (refused != null) {
            return done(refused);
        }
        Views.AmendBody amend;
        try {
            amend = EventCodec.decode(body, Views.AmendBody.class);
        } catch (InvalidEventException e) {
            return done(Responses.refused(invalid(e), orderId, null, false));
        }
        OrderRequest request = OrderRequest.amend(symbol, orderId, null, amend.price(), amend.quantity());
        CommandDecoder.Decoding decoding = new CommandDecoder(service.instruments()).decode(request);
        if (!decoding.ok()) {
            return done(Responses.refused(decoding.reject(), orderId, null, false));
        }
        return submit(request, true, new Origin("PATCH", uri, headers, body));
    }

    private Response checkPath(String symbol, String orderId) {
        CommandDecoder decoder = new CommandDecoder(service.instruments());
        if (service.instruments().find(symbol) == null) {
            return Responses.refused(decoder.unknownSymbol(symbol), orderId, null, true);
        }
        if (CommandDecoder.parseOrderId(orderId) <= 0) {
            return Responses.refused(new Reject("INVALID_ORDER_ID", "orderId",
                    "must be a positive integer, was '" + orderId + "'"), orderId, null, true);
        }
        return null;
    }

    /** The HTTP request a command came from, to forward it as it was to the book's owner. */
    private record Origin(String method, UriInfo uri, HttpHeaders headers, byte[] body) {}

    private CompletionStage<Response> submit(OrderRequest request, boolean addressedByPath, Origin origin) {
        try {
            return service.node().submit(request)
                    .<CompletionStage<Response>>handle((result, error) -> error == null
                            ? done(Responses.of(result, addressedByPath))
                            : forwarding.failed(error, origin.method(), origin.uri(), origin.headers(), origin.body()))
                    .thenCompose(r -> r);
        } catch (RuntimeException e) {
            return done(Responses.failure(e));
        }
    }

    private static Reject invalid(InvalidEventException e) {
        String field = "data".equals(e.field()) ? "body" : e.field();
        return new Reject(Reject.INVALID_REQUEST, field, e.reason());
    }

    private static CompletionStage<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }
}
