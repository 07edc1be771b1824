package org.ipc.api;

import java.net.URI;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A JSON answer as it was first given: status, Location, body. Replayed as is to a retried request. */
public record StoredResponse(int status, String location, String body) {

    public Response toResponse() {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (location != null) {
            r.location(URI.create(location));
        }
        return r.build();
    }
}
