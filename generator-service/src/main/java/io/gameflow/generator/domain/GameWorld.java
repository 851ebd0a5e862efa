package io.gameflow.generator.domain;

import io.gameflow.events.EventKind;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.UserData;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic game world of players: of the day's active players ({@link Population}: those known from the start
 * and those whose churn curve has them play today) up to {@code online} play at a time, each in a session with a
 * stable id, playing the maps of the levels in order, failing and retrying, moving on, logging out after a while or
 * quitting when frustrated, when another player logs in: first one of the day's active players who has not played
 * yet today, so that every active player plays once the day has had enough events. At midnight (in the population's
 * zone) the players not active on the new day stop where they are. At the hotspots most players fail again and again, many
 * quit, and some get stuck (the ground truth lists them). The same settings and sequence of calls give the same
 * events. (Its servers are {@link ServerFleet}, its fraudsters {@link FraudRing}.)
 */
public final class GameWorld {

    private static final String[] PLATFORMS = {"PC", "Console", "Mobile"};
    /** The truth keeps the latest stuck players only, so a long run does not grow it without end. */
    private static final int MAX_STUCK_KEPT = 10_000;
    /**
     * At most one purchase per honest player in this much event time: at any rate, only the planted fraud actors
     * buy more than 5 times a minute.
     */
    private static final Duration HONEST_PURCHASE_GAP = Duration.ofMinutes(2);
    /** An honest player asks for at most one refund a day, of the latest thing they bought: never refund abuse. */
    private static final Duration HONEST_REFUND_GAP = Duration.ofHours(24);

    private final WorldSettings settings;
    private final SplittableRandom random;
    private final Levels levels;
    private final Population population;
    /** Active today, not playing now and not yet played today. */
    private final List<Player> unplayed = new ArrayList<>();
    /** Active today, not playing now, played today already. */
    private final List<Player> played = new ArrayList<>();
    private final List<Player> online = new ArrayList<>();
    private final List<StuckPlayer> stuck = new ArrayList<>();
    private long stuckTotal;
    private long transactions;

    public GameWorld(WorldSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.levels = new Levels(settings, random);
        List<Player> everyDay = new ArrayList<>();
        for (int i = 1; i <= settings.players(); i++) {
            // an honest player's account has one currency; paying in several is what a fraud rule looks for
            everyDay.add(Player.everyDay(String.format("player_%05d", i), PLATFORMS[i % PLATFORMS.length],
                    Catalogue.CURRENCIES.get(i % Catalogue.CURRENCIES.size()), 0.7 + random.nextDouble(0.6)));
        }
        this.population = new Population(settings.population(), settings.seed(), everyDay);
    }

    /**
     * The next player event: mostly player actions, a few purchases. Server metrics come from {@link ServerFleet}
     * on their own schedule.
     */
    public GeneratedEvent next(Instant now) {
        startDayIfNew(now);
        if (random.nextDouble() < 0.06) {
            Player buyer = online.get(random.nextInt(online.size()));
            if (buyer.mayBuy(now, HONEST_PURCHASE_GAP)) {
                return purchaseBy(buyer, now);
            }
        }
        return nextPlayerAction(now);
    }

    /** The next player action or purchase, as samples are made; server metrics are {@link ServerFleet}'s. */
    public GeneratedEvent next(EventKind kind, Instant now) {
        startDayIfNew(now);
        return switch (kind) {
            case PLAYER_ACTION -> nextPlayerAction(now);
            case TRANSACTION -> purchaseBy(online.get(random.nextInt(online.size())), now);
            case SERVER_METRIC -> throw new IllegalArgumentException("server metrics come from ServerFleet");
        };
    }

    public List<String> hotspots() {
        return levels.hotspots();
    }

    /** The latest players made stuck, oldest first, and how many there were in all. */
    public List<StuckPlayer> stuckPlayers() {
        return List.copyOf(stuck);
    }

    public long stuckTotal() {
        return stuckTotal;
    }

    /** The ids of the players active on the current day (the day of the latest event), in no particular order. */
    public List<String> activeToday() {
        return population.activeToday().stream().map(player -> player.id).toList();
    }

    /** On a new day: the new cohort installs, players not active today stop, the day's active players fill the seats. */
    private void startDayIfNew(Instant now) {
        if (!population.advanceTo(now)) {
            return;
        }
        long today = population.today();
        for (Player player : online) {
            player.playing = player.activeOn(today);
        }
        online.removeIf(player -> !player.playing);
        unplayed.clear();
        played.clear();
        List<Player> active = population.activeToday();
        for (Player player : active) {
            if (!player.playing) {
                unplayed.add(player);
            }
        }
        int seats = Math.min(settings.online(), active.size());
        while (online.size() < seats) {
            logInSomeone();
        }
    }

    private GeneratedEvent nextPlayerAction(Instant now) {
        int slot = random.nextInt(online.size());
        Player player = online.get(slot);
        // the event happens where the player is; moving on shows in the next event
        String session = player.sessionId();
        String level = Levels.levelId(player.level);
        String map = Levels.mapId(player.map);
        Player.Action action = player.act(random, levels);
        if (action.endsSession()) {
            takeOut(online, slot);
            player.playing = false;
            played.add(player);
            logInSomeone();
        } else if (action.movedOn() && levels.isHotspot(player.level, player.map) && random.nextDouble() < settings.stuckShare()) {
            player.getStuck(25 + random.nextInt(25));
            remember(new StuckPlayer(player.id, player.sessionId(), Levels.levelId(player.level), Levels.mapId(player.map), now));
        }
        PlayerEvent event = new PlayerEvent(new PlayerEvent.Parameters(player.id, session, action.eventType(), level, map),
                now, new UserData(player.id, player.platform));
        return new GeneratedEvent(EventKind.PLAYER_ACTION, player.id, event);
    }

    private void remember(StuckPlayer player) {
        stuckTotal++;
        stuck.add(player);
        if (stuck.size() > MAX_STUCK_KEPT) {
            stuck.remove(0);
        }
    }

    /** One of the day's active players who has not played yet today, else one who has. */
    private void logInSomeone() {
        List<Player> from = unplayed.isEmpty() ? played : unplayed;
        Player player = takeOut(from, random.nextInt(from.size()));
        player.logIn(random);
        player.playing = true;
        online.add(player);
    }

    /** Removes in constant time: the last one takes the place of the one taken. */
    private static Player takeOut(List<Player> players, int index) {
        Player taken = players.get(index);
        players.set(index, players.get(players.size() - 1));
        players.remove(players.size() - 1);
        return taken;
    }

    private GeneratedEvent purchaseBy(Player player, Instant now) {
        player.bought(now);
        Catalogue.Item refund = random.nextDouble() < 0.03 ? player.refundable(now, HONEST_REFUND_GAP) : null;
        Catalogue.Item item;
        String type;
        if (refund != null) {
            item = refund;
            type = PurchaseEvent.REFUND;
            player.refunded(now);
        } else {
            item = Catalogue.ITEMS.get(random.nextInt(Catalogue.ITEMS.size()));
            type = PurchaseEvent.PURCHASE;
            player.kept(item);
        }
        PurchaseEvent event = new PurchaseEvent(
                new PurchaseEvent.Parameters(String.format("trans_%08d", ++transactions), type,
                        player.currency, item.price(), item.id(), item.type()),
                now, new UserData(player.id, player.platform));
        return new GeneratedEvent(EventKind.TRANSACTION, player.id, event);
    }
}
