package io.ztrade.dev.emulator.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A Content-Type that is not a media type ({@code type/subtype}, RFC 9110 section 8.3.1) would be
 * refused by the REST layer before any resource runs, with an empty {@code 400}. This filter
 * answers it first, naming the attribute it carries in binary mode.
 */
public class ContentTypeFilter {

    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+\\s*(;.*)?", Pattern.DOTALL);

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> checkContentType(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank() || MEDIA_TYPE.matcher(contentType.strip()).matches()) {
            return Optional.empty();
        }
        String shown = contentType.length() > 80 ? contentType.substring(0, 80) + "..." : contentType;
        return Optional.of(BrokerIngress.error(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type '" + shown + "' is not a media type (type/subtype)", "datacontenttype"));
    }
}
