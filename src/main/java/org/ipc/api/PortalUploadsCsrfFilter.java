package org.ipc.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;

import org.ipc.common.FieldError;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The CSRF check of the pages' resumable uploads: every request that changes something (POST, PATCH, DELETE) carries
 * the page's CSRF value ({@link InboxCsrf}) in {@code X-CSRF-Token}, which another site can neither read nor send
 * without a CORS preflight this service never grants. It runs before the body is read, so a piece of an upload
 * streams to disk untouched; a refused one is answered before any of its bytes are stored. It applies to the paths
 * under {@link #PATHS}: a name binding on the pages' upload resource would not reach the methods it inherits.
 */
public class PortalUploadsCsrfFilter {

    public static final String HEADER = "X-CSRF-Token";
    /** Where the pages' upload script sends files (portal/PortalPageUploads). */
    public static final String PATHS = "/portal/uploads/";

    private static final Logger LOG = Logger.getLogger(PortalUploadsCsrfFilter.class);

    @Inject
    InboxCsrf csrf;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(PATHS)) {
            return null;
        }
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
            return null;
        }
        Cookie cookie = request.getCookies().get(InboxCsrf.COOKIE);
        csrf.useCookie(cookie == null ? null : cookie.getValue());
        if (csrf.accepts(request.getHeaderString(HEADER))) {
            return null;
        }
        LOG.infof("Refused a %s to %s without a valid CSRF header", method, request.getUriInfo().getPath());
        throw new ProblemException(403, "Forbidden", "Reload the page and send the file again",
                List.of(new FieldError(HEADER, "is missing or does not fit this page")));
    }
}
