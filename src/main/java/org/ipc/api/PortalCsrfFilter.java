package org.ipc.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The physicians' pages' defence against cross-site request forgery, the inbox's kind ({@link InboxCsrf}: an
 * HttpOnly, SameSite=Strict cookie and in every form an HMAC of it and the signed-in user), with the cookie scoped to
 * {@code /portal}. Every form the pages post (plain or multipart) carries the field; a post without a valid one is
 * refused with 403 before the resource runs. Bound by name ({@link PortalForms}) because the CSRF extension of the
 * Quarkus version served here cannot be limited to some paths.
 */
public class PortalCsrfFilter {

    private static final Logger LOG = Logger.getLogger(PortalCsrfFilter.class);

    @Inject
    InboxCsrf csrf;

    @ConfigProperty(name = "ipc.inbox.secure-cookies", defaultValue = "true")
    boolean secureCookies;

    @PortalForms
    @ServerRequestFilter(readBody = true)
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (!isPortal(request)) {
            return null;
        }
        Cookie cookie = request.getCookies().get(InboxCsrf.COOKIE);
        csrf.useCookie(cookie == null ? null : cookie.getValue());
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            csrf.token();
            return null;
        }
        Object sent = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(InboxCsrf.FIELD, true, false);
        if (csrf.accepts(sent instanceof String text ? text : null)) {
            return null;
        }
        LOG.infof("Refused a %s to %s without a valid CSRF field", request.getMethod(),
                request.getUriInfo().getPath());
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Form expired</title></head>"
                        + "<body><h1>This form has expired</h1><p>Go back, reload the page and send it again.</p>"
                        + "<p><a href=\"/portal\">My cases</a></p></body></html>")
                .build();
    }

    @PortalForms
    @ServerResponseFilter
    public void issue(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isPortal(request)) {
            return;
        }
        String value = csrf.issuedCookie();
        if (value != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, InboxCsrf.COOKIE + "=" + value
                    + "; Path=/portal; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
        }
    }

    private static boolean isPortal(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals("/portal") || path.startsWith("/portal/");
    }
}
