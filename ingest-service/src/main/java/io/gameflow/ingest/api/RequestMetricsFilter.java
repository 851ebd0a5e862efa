package io.gameflow.ingest.api;

import io.gameflow.ingest.messaging.IngestMetrics;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Times every POST /v1/events from arrival to answer, refusals included, and keeps the in-flight gauge. */
public class RequestMetricsFilter {

    private static final String STARTED_AT = RequestMetricsFilter.class.getName() + ".startedAt";

    private final IngestMetrics metrics;

    public RequestMetricsFilter(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerRequestFilter(preMatching = true)
    public void started(ContainerRequestContext request) {
        if (isIngest(request)) {
            request.setProperty(STARTED_AT, System.nanoTime());
            metrics.requestStarted();
        }
    }

    @ServerResponseFilter
    public void ended(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED_AT) instanceof Long startedAt) {
            metrics.requestEnded(startedAt, response.getStatus());
        }
    }

    private static boolean isIngest(ContainerRequestContext request) {
        return "POST".equals(request.getMethod()) && request.getUriInfo().getPath().startsWith("/v1/events");
    }
}
