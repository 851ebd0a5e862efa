package io.gameflow.generator.domain;

import io.gameflow.events.EventKind;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.UserData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic game world: players with a fixed platform and a stable session who move through the
 * maps of the levels in order and buy items now and then. (Its servers are {@link ServerFleet}.)
 * The same settings and sequence of calls give the same events.
 */
public final class GameWorld {

    private static final String[] PLATFORMS = {"PC", "Console", "Mobile"};

    private final WorldSettings settings;
    private final SplittableRandom random;
    private final List<Player> players = new ArrayList<>();
    private long transactions;

    public GameWorld(WorldSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        for (int i = 1; i <= settings.players(); i++) {
            // an honest player's account has one currency; paying in several is what a fraud rule looks for
            players.add(new Player(String.format("player_%05d", i), PLATFORMS[i % PLATFORMS.length],
                    Catalogue.CURRENCIES.get(i % Catalogue.CURRENCIES.size())));
        }
    }

    /**
     * The next player event: mostly player actions, a few purchases. Server metrics come from {@link ServerFleet}
     * on their own schedule; here they are only made for samples.
     */
    public GeneratedEvent next(Instant now) {
        return random.nextDouble() < 0.06 ? nextPurchase(now) : nextPlayerAction(now);
    }

    /** The next player action or purchase; server metrics are {@link ServerFleet}'s. */
    public GeneratedEvent next(EventKind kind, Instant now) {
        return switch (kind) {
            case PLAYER_ACTION -> nextPlayerAction(now);
            case TRANSACTION -> nextPurchase(now);
            case SERVER_METRIC -> throw new IllegalArgumentException("server metrics come from ServerFleet");
        };
    }

    private GeneratedEvent nextPlayerAction(Instant now) {
        Player player = players.get(random.nextInt(players.size()));
        // the event happens where the player is; its effect (moving on) shows in the next event
        String level = levelId(player.level);
        String map = mapId(player.map);
        String session = player.sessionId();
        String eventType = player.act(random, settings);
        PlayerEvent event = new PlayerEvent(
                new PlayerEvent.Parameters(player.id, session, eventType, level, map),
                now, new UserData(player.id, player.platform));
        return new GeneratedEvent(EventKind.PLAYER_ACTION, player.id, event);
    }

    private GeneratedEvent nextPurchase(Instant now) {
        Player player = players.get(random.nextInt(players.size()));
        Catalogue.Item item = Catalogue.ITEMS.get(random.nextInt(Catalogue.ITEMS.size()));
        String type = random.nextDouble() < 0.03 ? PurchaseEvent.REFUND : PurchaseEvent.PURCHASE;
        PurchaseEvent event = new PurchaseEvent(
                new PurchaseEvent.Parameters(String.format("trans_%08d", ++transactions), type,
                        player.currency, item.price(), item.id(), item.type()),
                now, new UserData(player.id, player.platform));
        return new GeneratedEvent(EventKind.TRANSACTION, player.id, event);
    }

    private static String levelId(int level) {
        return String.format("level_%02d", level);
    }

    private static String mapId(int map) {
        return String.format("map_%02d", map);
    }

    /** A player's progress: the map of the level they are on, and which session this is. */
    private static final class Player {
        final String id;
        final String platform;
        final String currency;
        int session = 1;
        int level = 1;
        int map = 1;

        Player(String id, String platform, String currency) {
            this.id = id;
            this.platform = platform;
            this.currency = currency;
        }

        String sessionId() {
            return "session_" + id.substring("player_".length()) + "_" + session;
        }

        /** Moves the player on and says what they did. */
        String act(SplittableRandom random, WorldSettings world) {
            double roll = random.nextDouble();
            if (roll < 0.08) {
                boolean lastMap = map == world.mapsPerLevel();
                advance(world);
                return lastMap ? PlayerEvent.LEVEL_COMPLETE : "move";
            }
            if (roll < 0.10) {
                session++;
            }
            return roll < 0.55 ? "move" : "interaction";
        }

        private void advance(WorldSettings world) {
            if (map < world.mapsPerLevel()) {
                map++;
            } else {
                map = 1;
                level = level < world.levels() ? level + 1 : 1;
            }
        }
    }

}
