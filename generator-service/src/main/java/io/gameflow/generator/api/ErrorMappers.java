package io.gameflow.generator.api;

import io.gameflow.api.ErrorBody;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Bad parameters answer the error body of docs/contracts.md, saying what to fix. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return badRequest(e.getMessage());
    }

    /**
     * The JSON reader wraps a body that is not JSON in a bare 400 without a body; this one says what to send.
     * Any other web exception keeps its own answer.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException notJson) {
            return badRequest("the body must be JSON such as {\"rate\": 200}: " + notJson.getOriginalMessage());
        }
        return e.getResponse();
    }

    private static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("bad_request", message, List.of())).build();
    }
}
