package org.ipc.api;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipc.common.FieldError;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Guards what the web pages send ({@link PageCsrf}), for every family of pages alike: each family lives under its own
 * path, where its cookie is scoped and where a refused form leads back. Every form a page posts (plain or multipart)
 * carries the field, checked before the resource runs ({@link PageForms}); the pages' upload script sends it in a
 * header instead ({@link #UPLOAD_HEADER}), checked before the body is read, so a piece of an upload streams to disk
 * untouched and a refused one is answered before any of its bytes are stored. The JSON API takes bearer tokens, which
 * a browser never sends on its own, and is not guarded here.
 */
public class PageCsrfFilter {

    /** The header in which the pages' upload script sends the CSRF value. */
    public static final String UPLOAD_HEADER = "X-CSRF-Token";
    /** Where the pages' upload script sends files (portal/PortalPageUploads). */
    public static final String UPLOAD_PATHS = "/portal/uploads/";

    private static final Logger LOG = Logger.getLogger(PageCsrfFilter.class);

    /** A family of pages: its path, and the page (with its name) that a refused form leads back to. */
    enum Family {
        INBOX("/inbox", "Inbox"),
        PORTAL("/portal", "My cases");

        final String path;
        final String home;

        Family(String path, String home) {
            this.path = path;
            this.home = home;
        }

        static Optional<Family> of(ContainerRequestContext request) {
            String path = request.getUriInfo().getPath();
            for (Family family : values()) {
                if (path.equals(family.path) || path.startsWith(family.path + "/")) {
                    return Optional.of(family);
                }
            }
            return Optional.empty();
        }
    }

    @Inject
    PageCsrf csrf;

    @ConfigProperty(name = "ipc.inbox.secure-cookies", defaultValue = "true")
    boolean secureCookies;

    @PageForms
    @ServerRequestFilter(readBody = true)
    public Response checkForm(ResteasyReactiveContainerRequestContext request) {
        Optional<Family> family = Family.of(request);
        if (family.isEmpty()) {
            return null;
        }
        adoptCookie(request);
        if (reads(request.getMethod())) {
            csrf.token(); // a page about to render its forms: make sure the browser holds a cookie to sign them with
            return null;
        }
        Object sent = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(PageCsrf.FIELD, true, false);
        if (csrf.accepts(sent instanceof String text ? text : null)) {
            return null;
        }
        LOG.infof("Refused a %s to %s without a valid CSRF field", request.getMethod(), request.getUriInfo().getPath());
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Form expired</title></head>"
                        + "<body><h1>This form has expired</h1><p>Go back, reload the page and send it again.</p>"
                        + "<p><a href=\"" + family.get().path + "\">" + family.get().home + "</a></p></body></html>")
                .build();
    }

    /** The pages' uploads: a name binding on their resource would not reach the methods it inherits, so by path. */
    @ServerRequestFilter
    public Response checkUpload(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(UPLOAD_PATHS) || reads(request.getMethod())
                || HttpMethod.OPTIONS.equals(request.getMethod())) {
            return null;
        }
        adoptCookie(request);
        if (csrf.accepts(request.getHeaderString(UPLOAD_HEADER))) {
            return null;
        }
        LOG.infof("Refused a %s to %s without a valid CSRF header", request.getMethod(), request.getUriInfo().getPath());
        throw new ProblemException(403, "Forbidden", "Reload the page and send the file again",
                List.of(new FieldError(UPLOAD_HEADER, "is missing or does not fit this page")));
    }

    @PageForms
    @ServerResponseFilter
    public void issue(ContainerRequestContext request, ContainerResponseContext response) {
        Optional<Family> family = Family.of(request);
        String value = csrf.issuedCookie();
        if (family.isPresent() && value != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, PageCsrf.COOKIE + "=" + value + "; Path="
                    + family.get().path + "; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
        }
    }

    private void adoptCookie(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(PageCsrf.COOKIE);
        csrf.useCookie(cookie == null ? null : cookie.getValue());
    }

    private static boolean reads(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}
