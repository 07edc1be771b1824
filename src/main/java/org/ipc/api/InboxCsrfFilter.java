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
 * Checks the CSRF field of every form the inbox page posts ({@link InboxCsrf}), and sets the cookie the page's forms
 * are signed with. Only {@code /inbox}: the JSON API takes bearer tokens, which a browser never sends on its own.
 */
public class InboxCsrfFilter {

    private static final Logger LOG = Logger.getLogger(InboxCsrfFilter.class);

    @Inject
    InboxCsrf csrf;

    @ConfigProperty(name = "ipc.inbox.secure-cookies", defaultValue = "true")
    boolean secureCookies;

    @InboxForms
    @ServerRequestFilter(readBody = true)
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (!isInbox(request)) {
            return null;
        }
        Cookie cookie = request.getCookies().get(InboxCsrf.COOKIE);
        csrf.useCookie(cookie == null ? null : cookie.getValue());
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            csrf.token(); // a page about to render its forms: make sure the browser holds a cookie to sign them with
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
                        + "<p><a href=\"/inbox\">Inbox</a></p></body></html>")
                .build();
    }

    @InboxForms
    @ServerResponseFilter
    public void issue(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isInbox(request)) {
            return;
        }
        String value = csrf.issuedCookie();
        if (value != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, InboxCsrf.COOKIE + "=" + value
                    + "; Path=/inbox; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
        }
    }

    private static boolean isInbox(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals("/inbox") || path.startsWith("/inbox/");
    }
}
