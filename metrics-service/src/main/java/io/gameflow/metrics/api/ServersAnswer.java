package io.gameflow.metrics.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** {@code GET /v1/servers}: a page of servers, the stream time they are current as of, and where the next page starts. */
public record ServersAnswer(
        @Schema(description = "Stream time: the latest sample time of the servers tracked; null before any sample", nullable = true)
        Instant asOf,
        @Schema(description = "At most limit servers, sorted by server_id")
        List<ServerView> servers,
        @Schema(description = "Pass as cursor for the next page; null on the last page", nullable = true)
        String nextCursor) {
}
