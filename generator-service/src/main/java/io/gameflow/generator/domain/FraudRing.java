package io.gameflow.generator.domain;

import io.gameflow.events.EventKind;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.UserData;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The fraud actors, in event time: each runs its pattern once every {@code every}, the first rounds staggered
 * a fifteenth of it apart after the start (20 s at the default 5 minutes). Honest players pay in one currency and buy a few times an hour, so these stand out.
 * Deterministic: the same start and calls give the same purchases.
 */
public final class FraudRing {

    private static final Duration BURST_GAP = Duration.ofSeconds(5);
    private static final Duration HOP_GAP = Duration.ofMinutes(1);
    private static final Duration REFUND_GAP = Duration.ofSeconds(20);
    private static final BigDecimal OUTLIER_FACTOR = BigDecimal.TEN;

    private final List<FraudActor> actors = new ArrayList<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparing(Due::at).thenComparing(Due::sequence));
    private final Duration every;
    private long sequence;
    private long transactions;

    public FraudRing(int actorCount, Duration every, Instant start) {
        this.every = every;
        Instant first = start.truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < actorCount; i++) {
            FraudActor actor = new FraudActor(String.format("player_9%04d", i + 1),
                    FraudActor.Pattern.values()[i % FraudActor.Pattern.values().length]);
            actors.add(actor);
            scheduleRound(actor, first.plus(every.multipliedBy(i + 1).dividedBy(15)));
        }
    }

    /** Every fraudulent purchase or refund due up to and including {@code now}, in time order. */
    public List<GeneratedEvent> purchasesUntil(Instant now) {
        List<GeneratedEvent> events = new ArrayList<>();
        while (!due.isEmpty() && !due.peek().at().isAfter(now)) {
            Due next = due.poll();
            events.add(next.event());
            if (next.lastOfRound()) {
                scheduleRound(next.actor(), next.roundStart().plus(every));
            }
        }
        return events;
    }

    public List<FraudActor> actors() {
        return List.copyOf(actors);
    }

    private void scheduleRound(FraudActor actor, Instant start) {
        List<Due> round = switch (actor.pattern()) {
            case PURCHASE_BURST -> burst(actor, start);
            case CURRENCY_HOPPING -> hops(actor, start);
            case REFUND_ABUSE -> refunds(actor, start);
            case AMOUNT_OUTLIER -> outlier(actor, start);
        };
        due.addAll(round);
    }

    private List<Due> burst(FraudActor actor, Instant start) {
        List<Due> round = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Catalogue.Item item = Catalogue.ITEMS.get(i % Catalogue.ITEMS.size());
            round.add(due(actor, start, start.plus(BURST_GAP.multipliedBy(i)), PurchaseEvent.PURCHASE, "USD", item, i == 7));
        }
        return round;
    }

    private List<Due> hops(FraudActor actor, Instant start) {
        List<Due> round = new ArrayList<>();
        List<String> currencies = Catalogue.CURRENCIES;
        for (int i = 0; i < currencies.size(); i++) {
            round.add(due(actor, start, start.plus(HOP_GAP.multipliedBy(i)), PurchaseEvent.PURCHASE, currencies.get(i),
                    Catalogue.ITEMS.get(1), i == currencies.size() - 1));
        }
        return round;
    }

    private List<Due> refunds(FraudActor actor, Instant start) {
        List<Due> round = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String type = i < 4 ? PurchaseEvent.PURCHASE : PurchaseEvent.REFUND;
            round.add(due(actor, start, start.plus(REFUND_GAP.multipliedBy(i)), type, "EUR", Catalogue.ITEMS.get(3), i == 7));
        }
        return round;
    }

    private List<Due> outlier(FraudActor actor, Instant start) {
        Catalogue.Item skin = Catalogue.ITEMS.get(1);
        Catalogue.Item overpriced = new Catalogue.Item(skin.id(), skin.type(), skin.price().multiply(OUTLIER_FACTOR));
        return List.of(due(actor, start, start, PurchaseEvent.PURCHASE, "USD", overpriced, true));
    }

    private Due due(FraudActor actor, Instant roundStart, Instant at, String type, String currency, Catalogue.Item item,
                    boolean last) {
        PurchaseEvent event = new PurchaseEvent(
                new PurchaseEvent.Parameters(String.format("fraud_%08d", ++transactions), type, currency, item.price(),
                        item.id(), item.type()),
                at, new UserData(actor.userId(), "Mobile"));
        return new Due(at, sequence++, actor, roundStart, last, new GeneratedEvent(EventKind.TRANSACTION, actor.userId(), event));
    }

    private record Due(Instant at, long sequence, FraudActor actor, Instant roundStart, boolean lastOfRound, GeneratedEvent event) {
    }
}
