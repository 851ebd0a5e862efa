package io.gameflow.engagement.streams;

import io.gameflow.engagement.config.EngagementConfig;
import io.gameflow.streams.support.input.InputReader;
import io.gameflow.streams.support.input.InputKind;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.EventKind;
import io.gameflow.engagement.domain.Purchase;
import io.gameflow.engagement.domain.PlayerAction;
import io.gameflow.events.time.ClockSkew;

import java.time.Duration;

/**
 * The bounds on the times of input events: an event dated more than {@code maxFuture} ahead of the wall clock is
 * unusable (dead-lettered); one dated more than the skew ahead of its receipt counts at its receipt time.
 */
public record InputTime(Duration maxFuture, ClockSkew skew) {

    /** As configured: how far ahead of its receipt an event may be, and how far a client's clock may be off. */
    public static InputTime from(EngagementConfig config) {
        return new InputTime(config.maxEventAhead(), new ClockSkew(config.maxClockSkew()));
    }

    /** How {@code player-events} are read: keyed by player_id. */
    static final InputKind<PlayerEvent, PlayerAction> PLAYER_EVENTS = new InputKind<>(EventKind.PLAYER_ACTION,
            PlayerEvent.class, PlayerAction::of, PlayerAction::playerId, "parameters.player_id", PlayerAction::eventTimeMs,
            PlayerAction::at);
    /** How {@code purchase-events} are read: keyed by user_id. */
    static final InputKind<PurchaseEvent, Purchase> PURCHASE_EVENTS = new InputKind<>(EventKind.TRANSACTION,
            PurchaseEvent.class, Purchase::of, Purchase::userId, "user_data.user_id", Purchase::eventTimeMs, Purchase::at);

    <E, T> InputReader<E, T> reader(InputKind<E, T> kind, Runnable skewed) {
        return new InputReader<>(kind, maxFuture, skew, skewed);
    }
}
