package io.gameflow.metrics.query;

import io.gameflow.metrics.domain.ServerState;

import java.util.List;

/**
 * One instance's part of a page of servers, in id order, and the latest sample time among all the servers it tracks
 * (null when none), for the page's {@code as_of}.
 */
public record ServerPage(List<ServerState> servers, Long latestSeen) {
}
