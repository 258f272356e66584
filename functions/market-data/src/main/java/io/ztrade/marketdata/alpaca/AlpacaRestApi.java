package io.ztrade.marketdata.alpaca;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** Alpaca's historical bars endpoints (Quarkus REST client; null query parameters are left out). */
public interface AlpacaRestApi {

    String KEY_HEADER = "APCA-API-KEY-ID";
    String SECRET_HEADER = "APCA-API-SECRET-KEY";

    @GET
    @Path("/v2/stocks/bars")
    Response stockBars(@HeaderParam(KEY_HEADER) String keyId, @HeaderParam(SECRET_HEADER) String secret,
            @QueryParam("symbols") String symbols, @QueryParam("timeframe") String timeframe,
            @QueryParam("start") String start, @QueryParam("limit") int limit,
            @QueryParam("page_token") String pageToken);

    @GET
    @Path("/v1beta3/crypto/us/bars")
    Response cryptoBars(@HeaderParam(KEY_HEADER) String keyId, @HeaderParam(SECRET_HEADER) String secret,
            @QueryParam("symbols") String symbols, @QueryParam("timeframe") String timeframe,
            @QueryParam("start") String start, @QueryParam("limit") int limit,
            @QueryParam("page_token") String pageToken);
}
