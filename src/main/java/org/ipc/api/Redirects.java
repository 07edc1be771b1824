package org.ipc.api;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/** The pages' answer to a form that did its work: see the page that shows the result (a reload sends nothing again). */
public final class Redirects {

    private Redirects() {
    }

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
