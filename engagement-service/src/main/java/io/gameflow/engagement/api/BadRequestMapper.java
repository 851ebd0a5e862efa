package io.gameflow.engagement.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A bad query parameter answers DESIGN.md's error body, saying what to fix. */
public class BadRequestMapper {

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("bad_request", e.getMessage())).build();
    }
}
