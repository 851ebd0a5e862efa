package io.gameflow.generator.domain;

import io.gameflow.events.EventKind;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.ServerMetricEvent;
import io.gameflow.events.UserData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic game world: players with a fixed platform and a stable session who move through the
 * maps of the levels in order, buy items now and then, and servers whose load drifts as a random walk.
 * The same settings and sequence of calls give the same events.
 */
public final class GameWorld {

    private static final String[] PLATFORMS = {"PC", "Console", "Mobile"};
    private static final String[] SERVER_TYPES = {"dedicated", "virtual"};
    private static final String[][] CATALOGUE = {
            {"skin_dragon", "skin", "4.99"}, {"skin_ghost", "skin", "9.99"}, {"weapon_bow", "weapon", "2.99"},
            {"weapon_axe", "weapon", "6.49"}, {"boost_xp", "boost", "0.99"}, {"boost_gold", "boost", "1.99"}};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP"};

    private final WorldSettings settings;
    private final SplittableRandom random;
    private final List<Player> players = new ArrayList<>();
    private final List<Server> servers = new ArrayList<>();
    private long transactions;

    public GameWorld(WorldSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        for (int i = 1; i <= settings.players(); i++) {
            players.add(new Player(String.format("player_%05d", i), PLATFORMS[i % PLATFORMS.length]));
        }
        for (int i = 1; i <= settings.servers(); i++) {
            servers.add(new Server("server_" + i, settings.regions().get(i % settings.regions().size()),
                    SERVER_TYPES[i % SERVER_TYPES.length], 30 + random.nextDouble(30), 40 + random.nextDouble(20), 40 + random.nextDouble(40)));
        }
    }

    /** The next event of any kind: mostly player actions, some server samples, few purchases. */
    public GeneratedEvent next(Instant now) {
        double roll = random.nextDouble();
        if (roll < 0.05) {
            return nextPurchase(now);
        }
        if (roll < 0.20) {
            return nextServerMetric(now);
        }
        return nextPlayerAction(now);
    }

    public GeneratedEvent next(EventKind kind, Instant now) {
        return switch (kind) {
            case PLAYER_ACTION -> nextPlayerAction(now);
            case TRANSACTION -> nextPurchase(now);
            case SERVER_METRIC -> nextServerMetric(now);
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
        String[] item = CATALOGUE[random.nextInt(CATALOGUE.length)];
        String type = random.nextDouble() < 0.03 ? PurchaseEvent.REFUND : PurchaseEvent.PURCHASE;
        PurchaseEvent event = new PurchaseEvent(
                new PurchaseEvent.Parameters(String.format("trans_%08d", ++transactions), type,
                        CURRENCIES[random.nextInt(CURRENCIES.length)], new BigDecimal(item[2]), item[0], item[1]),
                now, new UserData(player.id, player.platform));
        return new GeneratedEvent(EventKind.TRANSACTION, player.id, event);
    }

    private GeneratedEvent nextServerMetric(Instant now) {
        Server server = servers.get(random.nextInt(servers.size()));
        server.drift(random);
        ServerMetricEvent event = new ServerMetricEvent(
                new ServerMetricEvent.Parameters(server.id, round(server.cpu), round(server.memory), round(server.latency)),
                now, new ServerMetricEvent.ServerData(server.region, server.type));
        return new GeneratedEvent(EventKind.SERVER_METRIC, server.id, event);
    }

    private static String levelId(int level) {
        return String.format("level_%02d", level);
    }

    private static String mapId(int map) {
        return String.format("map_%02d", map);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** A player's progress: the map of the level they are on, and which session this is. */
    private static final class Player {
        final String id;
        final String platform;
        int session = 1;
        int level = 1;
        int map = 1;

        Player(String id, String platform) {
            this.id = id;
            this.platform = platform;
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

    /** A server whose load drifts by small random steps, kept in range. */
    private static final class Server {
        final String id;
        final String region;
        final String type;
        double cpu;
        double memory;
        double latency;

        Server(String id, String region, String type, double cpu, double memory, double latency) {
            this.id = id;
            this.region = region;
            this.type = type;
            this.cpu = cpu;
            this.memory = memory;
            this.latency = latency;
        }

        void drift(SplittableRandom random) {
            cpu = clamp(cpu + random.nextDouble(-3, 3), 0, 100);
            memory = clamp(memory + random.nextDouble(-2, 2), 0, 100);
            latency = clamp(latency + random.nextDouble(-5, 5), 1, 1000);
        }

        private static double clamp(double value, double min, double max) {
            return Math.max(min, Math.min(max, value));
        }
    }
}
