package io.ztrade.function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztrade.events.EventCodec;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.http.UnsupportedEventFormatException;
import io.vertx.ext.web.RoutingContext;

/** JSON error bodies: {@code {"error": ..., "field": ..., "message": ...}}. */
final class ErrorResponses {

    private ErrorResponses() {}

    static void invalid(RoutingContext ctx, InvalidEventException e) {
        ObjectNode body = EventCodec.mapper().createObjectNode();
        body.put("error", "invalid event");
        body.put("field", e.field());
        body.put("message", e.getMessage());
        send(ctx, e instanceof UnsupportedEventFormatException ? 415 : 400, body);
    }

    static void send(RoutingContext ctx, int status, ObjectNode body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.toString());
    }

    static ObjectNode error(String error, String message) {
        ObjectNode body = EventCodec.mapper().createObjectNode();
        body.put("error", error);
        body.put("message", message);
        return body;
    }
}
