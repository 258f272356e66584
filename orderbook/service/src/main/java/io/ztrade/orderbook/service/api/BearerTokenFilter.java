package io.ztrade.orderbook.service.api;

import io.ztrade.orderbook.service.OrderbookConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Requires {@code Authorization: Bearer <ztrade.orderbook.token>} on {@link WriteAccess} endpoints:
 * 401 without a bearer token, 403 with a wrong one. The token is compared in constant time and never
 * written anywhere.
 */
@Provider
@WriteAccess
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    @Inject
    OrderbookConfig config;

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
            return;
        }
        byte[] given = header.substring(SCHEME.length()).strip().getBytes(StandardCharsets.UTF_8);
        byte[] expected = config.token().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected)) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new Views.ErrorResponse("forbidden", "Authorization", "the bearer token is not valid"))
                    .build());
        }
    }
}
