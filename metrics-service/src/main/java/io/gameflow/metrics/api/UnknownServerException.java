package io.gameflow.metrics.api;

/** A server id this instance has no sample of. */
public class UnknownServerException extends RuntimeException {

    public UnknownServerException(String serverId) {
        super("no sample of server '" + serverId + "' has been processed; GET /v1/servers lists the known servers");
    }
}
