package org.ipc.api;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** The tus protocol's version on every answer of a {@link TusProtocol} resource, as the protocol asks. */
public class TusHeaders {

    @TusProtocol
    @ServerResponseFilter
    public void version(ContainerResponseContext response) {
        response.getHeaders().putSingle("Tus-Resumable", TusProtocol.VERSION);
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
