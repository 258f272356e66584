package io.ztrade.orderbook.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.ztrade.events.payload.OrderAccepted;
import io.ztrade.events.payload.OrderCancelled;
import io.ztrade.events.payload.OrderFilled;
import io.ztrade.events.payload.OrderRejected;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.service.api.Views;
import io.ztrade.orderbook.service.core.OrderResult;

/**
 * What Jackson reads and writes by reflection: the command and execution payloads and the REST
 * shapes. A native image needs them registered.
 */
@RegisterForReflection(targets = {
    OrderRequest.class, OrderAccepted.class, OrderFilled.class, OrderRejected.class, OrderCancelled.class,
    Views.OrderResponse.class, OrderResult.Fill.class, Views.BookResponse.class, Views.Level.class,
    Views.InstrumentView.class, Views.ErrorResponse.class, Views.AmendBody.class
})
public final class NativeReflection {
    private NativeReflection() {}
}
