package io.ztrade.orderbook.service.api;

import io.ztrade.orderbook.engine.ResultCode;
import io.ztrade.orderbook.service.core.OrderResult;
import io.ztrade.orderbook.service.core.Reject;
import io.ztrade.orderbook.service.kafka.OrderbookNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** HTTP statuses for results and failures. */
final class Responses {

    private Responses() {}

    /**
     * 200 for a command the book carried out; for a refused one 404 (unknown order, or unknown symbol in
     * the path), 409 (duplicate clientOrderId, post-only would cross, self-trade prevented) or 400 (bad
     * input). The body always has the order shape, with {@code status} REJECTED and {@code rejectReason}.
     */
    static Response of(OrderResult result, boolean addressedByPath) {
        return Response.status(status(result, addressedByPath)).type(MediaType.APPLICATION_JSON)
                .entity(Views.OrderResponse.of(result)).build();
    }

    static int status(OrderResult result, boolean addressedByPath) {
        if (!result.rejected()) {
            return 200;
        }
        String code = result.reject().code();
        if (code.equals(ResultCode.UNKNOWN_ORDER.name())
                || (addressedByPath && (code.equals(Reject.UNKNOWN_SYMBOL) || code.equals(ResultCode.INVALID_ORDER_ID.name())))) {
            return 404;
        }
        if (code.equals(Reject.DUPLICATE_CLIENT_ORDER_ID) || code.equals(ResultCode.DUPLICATE_ORDER_ID.name())
                || code.equals(ResultCode.POST_ONLY_WOULD_CROSS.name())
                || code.equals(ResultCode.SELF_TRADE_PREVENTED.name())) {
            return 409;
        }
        return 400;
    }

    /** A refusal decided before anything was recorded. */
    static Response refused(Reject reject, String orderId, String clientOrderId, boolean addressedByPath) {
        return of(new OrderResult(orderId, clientOrderId, OrderResult.REJECTED, "0", "0", List.of(), reject),
                addressedByPath);
    }

    static Response error(int status, String error, String field, String message) {
        Response.ResponseBuilder b = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Views.ErrorResponse(error, field, message));
        if (status == 503) {
            b.header("Retry-After", "1");
        }
        return b.build();
    }

    /** 503 when the book is elsewhere, recovering or Kafka refused the command; 504 on timeout. */
    static Response failure(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return switch (e) {
            case OrderbookNode.NotOwnerException n -> error(503, "not_owner", null, n.getMessage());
            case OrderbookNode.RecoveringException r -> error(503, "recovering", null, r.getMessage());
            case OrderbookNode.NotRecordedException n -> error(503, "not_recorded", null, n.getMessage());
            case TimeoutException t -> error(504, "timeout", null,
                    "no outcome in time; the command may still be applied: watch ztrade.executions");
            case IllegalStateException i -> error(503, "unavailable", null, i.getMessage());
            default -> error(500, "internal", null, e.getClass().getSimpleName());
        };
    }
}
