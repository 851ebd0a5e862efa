package io.gameflow.events;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** An in-game purchase or refund ({@code event_name} "transaction"). Topic {@code purchase-events}. */
public record PurchaseEvent(String eventName, Parameters parameters, String eventTimestamp, UserData userData,
                            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public static final String PURCHASE = "purchase";
    public static final String REFUND = "refund";

    public PurchaseEvent {
        extra = Extra.copy(extra);
    }

    public PurchaseEvent(Parameters parameters, Instant eventTime, UserData userData) {
        this(EventKind.TRANSACTION.eventName(), parameters, eventTime.toString(), userData, Map.of());
    }

    public Instant eventTime() {
        return EventTimes.parse(eventTimestamp);
    }

    /** Money stays a {@link BigDecimal} so that 4.99 is written back as 4.99. */
    public record Parameters(String transactionId, String transactionType, String currency, BigDecimal amount,
                             String itemId, String itemType,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public Parameters {
            extra = Extra.copy(extra);
        }

        public Parameters(String transactionId, String transactionType, String currency, BigDecimal amount,
                          String itemId, String itemType) {
            this(transactionId, transactionType, currency, amount, itemId, itemType, Map.of());
        }
    }
}
