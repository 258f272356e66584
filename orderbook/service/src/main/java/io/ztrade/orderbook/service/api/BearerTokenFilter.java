package io.ztrade.orderbook.service.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ztrade.orderbook.service.OrderbookService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Requires {@code Authorization: Bearer <ztrade.orderbook.token>} on {@link WriteAccess} endpoints:
 * 401 without a bearer token, 403 with a wrong one. The token is compared in constant time and never
 * written anywhere. Each refusal counts in {@code ztrade.orderbook.auth.failures} {reason: missing |
 * invalid}, which the alert on failed authentications watches.
 */
@Provider
@WriteAccess
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    // The service, not the config mapping: providers are created before runtime config exists.
    @Inject
    OrderbookService service;

    @Inject
    MeterRegistry registry;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || header.substring(SCHEME.length()).isBlank()) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ztrade-orderbook\"")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new Views.ErrorResponse("unauthorized", "Authorization",
                            "this endpoint needs an Authorization: Bearer <token> header"))
                    .build());
            failure("missing");
            return;
        }
        if (!service.acceptsToken(header.substring(SCHEME.length()).strip())) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new Views.ErrorResponse("forbidden", "Authorization", "the bearer token is not valid"))
                    .build());
            failure("invalid");
        }
    }

    private void failure(String reason) {
        Counter.builder("ztrade.orderbook.auth.failures").description("Write requests refused for a missing or invalid bearer token")
                .tag("reason", reason).register(registry).increment();
    }
}
