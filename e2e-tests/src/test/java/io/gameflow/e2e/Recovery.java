package io.gameflow.e2e;

import java.time.Duration;

/** The recovery times docs/recovery.md promises, which the kill and failover tests hold the services to. */
final class Recovery {

    /**
     * A second instance answers for a killed one's players or servers within this time of the kill: the group's
     * session timeout (10 s) for it to be declared dead, one rebalance, and the standby's last records.
     */
    static final Duration FAILOVER_WITHIN = Duration.ofSeconds(20);

    private Recovery() {
    }
}
