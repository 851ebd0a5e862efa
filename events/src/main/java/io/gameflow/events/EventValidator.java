package io.gameflow.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks an event against the contract and returns every problem found, not just the first, so a client
 * can fix a payload in one round trip.
 */
public final class EventValidator {

    /** Free-text values that are not identifiers (event_type, transaction_id, platform) may be this long. */
    static final int MAX_TEXT_LENGTH = 128;
    private static final int SHOWN_CHARS = 64;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final String CURRENCY_FORM = "three upper-case letters of an ISO 4217 code (e.g. USD)";
    private static final Pattern UUID_TEXT = Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Set<String> TRANSACTION_TYPES = Set.of(PurchaseEvent.PURCHASE, PurchaseEvent.REFUND);
    private static final String ACCEPTED_NAMES = Arrays.stream(EventKind.values())
            .map(EventKind::eventName).collect(Collectors.joining(", "));

    private final ValidationLimits limits;

    public EventValidator(ValidationLimits limits) {
        this.limits = limits;
    }

    public EventValidator() {
        this(ValidationLimits.DEFAULT);
    }

    /** @param now the moment the timestamp bounds are measured from (receipt time) */
    public List<Violation> validate(JsonNode event, Instant now) {
        Check check = new Check();
        if (event == null || !event.isObject()) {
            check.fail("", "an event must be a JSON object");
            return check.violations;
        }
        check.optionalUuid(event, "event_id");
        checkTimestamp(check, event, now);
        JsonNode name = event.get("event_name");
        if (name == null || name.isNull()) {
            check.fail("event_name", "is required; accepted: " + ACCEPTED_NAMES);
        } else if (!name.isTextual()) {
            check.fail("event_name", "must be a string; accepted: " + ACCEPTED_NAMES);
        } else {
            EventKind.byEventName(name.asText()).ifPresentOrElse(
                    kind -> checkBody(check, kind, event),
                    () -> check.fail("event_name", "unknown event_name " + shown(name.asText()) + "; accepted: " + ACCEPTED_NAMES));
        }
        return check.violations;
    }

    public List<Violation> validate(JsonNode event) {
        return validate(event, Instant.now());
    }

    /** A client's bad value, quoted, and cut short: an error message must not grow with the input. */
    static String shown(String value) {
        return "'" + (value.length() <= SHOWN_CHARS ? value : value.substring(0, SHOWN_CHARS) + "...") + "'";
    }

    private void checkTimestamp(Check check, JsonNode event, Instant now) {
        JsonNode ts = event.get("event_timestamp");
        if (ts == null || ts.isNull()) {
            check.fail("event_timestamp", "is required (ISO-8601 with zone, e.g. 2024-11-12T10:15:30Z)");
            return;
        }
        if (!ts.isTextual()) {
            check.fail("event_timestamp", "must be a string in ISO-8601 with zone, e.g. 2024-11-12T10:15:30Z");
            return;
        }
        Instant time;
        try {
            time = EventTimes.parse(ts.asText());
        } catch (IllegalArgumentException e) {
            check.fail("event_timestamp", "must be ISO-8601 with zone, e.g. 2024-11-12T10:15:30Z; got " + shown(ts.asText()));
            return;
        }
        if (time.isBefore(now.minus(limits.maxAge()))) {
            check.fail("event_timestamp", "is older than the accepted " + limits.maxAge().toDays() + " days");
        } else if (time.isAfter(now.plus(limits.maxAhead()))) {
            check.fail("event_timestamp", "is more than " + limits.maxAhead().toDays() + " days in the future");
        }
    }

    private void checkBody(Check check, EventKind kind, JsonNode event) {
        switch (kind) {
            case PLAYER_ACTION -> {
                check.object(event, "parameters").ifPresent(p -> {
                    check.identifier(p, "parameters", "player_id");
                    check.identifier(p, "parameters", "session_id");
                    check.shortText(p, "parameters", "event_type");
                    check.identifier(p, "parameters", "level_id");
                    check.identifier(p, "parameters", "map_id");
                });
                checkUserData(check, event);
            }
            case TRANSACTION -> {
                check.object(event, "parameters").ifPresent(p -> {
                    check.shortText(p, "parameters", "transaction_id");
                    check.oneOf(p, "parameters", "transaction_type", TRANSACTION_TYPES);
                    check.currency(p, "parameters", "currency");
                    check.number(p, "parameters", "amount", 0, Double.MAX_VALUE);
                    check.identifier(p, "parameters", "item_id");
                    check.identifier(p, "parameters", "item_type");
                });
                checkUserData(check, event);
            }
            case SERVER_METRIC -> {
                check.object(event, "parameters").ifPresent(p -> {
                    check.identifier(p, "parameters", "server_id");
                    check.number(p, "parameters", "cpu_load", 0, 100);
                    check.number(p, "parameters", "memory_usage", 0, 100);
                    check.number(p, "parameters", "latency", 0, Double.MAX_VALUE);
                });
                check.object(event, "server_data").ifPresent(d -> {
                    check.identifier(d, "server_data", "region");
                    check.identifier(d, "server_data", "server_type");
                });
            }
        }
    }

    private static void checkUserData(Check check, JsonNode event) {
        check.object(event, "user_data").ifPresent(u -> {
            check.identifier(u, "user_data", "user_id");
            check.shortText(u, "user_data", "platform");
        });
    }

    /** Collects violations; each method checks one field of one object. */
    private static final class Check {
        final List<Violation> violations = new ArrayList<>();

        void fail(String path, String message) {
            violations.add(new Violation(path, message));
        }

        static String path(String parent, String field) {
            return parent.isEmpty() ? field : parent + "." + field;
        }

        Optional<JsonNode> object(JsonNode parent, String field) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                fail(field, "is required (an object)");
                return Optional.empty();
            }
            if (!node.isObject()) {
                fail(field, "must be an object");
                return Optional.empty();
            }
            return Optional.of(node);
        }

        /** A required text value, such as an id. */
        Optional<String> text(JsonNode parent, String parentPath, String field) {
            JsonNode node = parent.get(field);
            String path = path(parentPath, field);
            if (node == null || node.isNull()) {
                fail(path, "is required (a string)");
                return Optional.empty();
            }
            if (!node.isTextual()) {
                fail(path, "must be a string");
                return Optional.empty();
            }
            return Optional.of(node.asText());
        }

        /** A name the client gives something (a player, a level, a server): {@link Identifiers}. */
        void identifier(JsonNode parent, String parentPath, String field) {
            text(parent, parentPath, field).ifPresent(value ->
                    Identifiers.problemOf(value).ifPresent(problem -> fail(path(parentPath, field), problem)));
        }

        /** A required free-text value that is no identifier, such as a platform name. */
        void shortText(JsonNode parent, String parentPath, String field) {
            text(parent, parentPath, field).ifPresent(value -> {
                if (value.isBlank()) {
                    fail(path(parentPath, field), "must not be empty");
                } else if (value.length() > MAX_TEXT_LENGTH) {
                    fail(path(parentPath, field), "must be at most " + MAX_TEXT_LENGTH + " characters, got " + value.length());
                }
            });
        }

        void currency(JsonNode parent, String parentPath, String field) {
            text(parent, parentPath, field).ifPresent(value -> {
                if (!CURRENCY.matcher(value).matches()) {
                    fail(path(parentPath, field), "must be " + CURRENCY_FORM + ", got " + shown(value));
                } else if (!Currencies.isKnown(value)) {
                    fail(path(parentPath, field), "must be an ISO 4217 currency code (e.g. USD, EUR, JPY); " + shown(value) + " is none");
                }
            });
        }

        /** The client's own event id: a UUID, so that it can stand as the record's event_id header. */
        void optionalUuid(JsonNode parent, String field) {
            if (parent.has(field)) {
                text(parent, "", field).ifPresent(value -> {
                    if (!UUID_TEXT.matcher(value).matches()) {
                        fail(field, "must be a UUID such as 3f1c9a52-6c1e-4a4f-9f63-0a3c2a1e9d10, got " + shown(value));
                    }
                });
            }
        }

        void oneOf(JsonNode parent, String parentPath, String field, Set<String> accepted) {
            text(parent, parentPath, field).ifPresent(value -> {
                if (!accepted.contains(value)) {
                    fail(path(parentPath, field), "must be one of " + accepted.stream().sorted().toList() + ", got " + shown(value));
                }
            });
        }

        void number(JsonNode parent, String parentPath, String field, double min, double max) {
            JsonNode node = parent.get(field);
            String path = path(parentPath, field);
            if (node == null || node.isNull()) {
                fail(path, "is required (a number)");
            } else if (!node.isNumber()) {
                fail(path, "must be a number");
            } else {
                double value = node.asDouble();
                if (!Double.isFinite(value)) {
                    fail(path, "must be a finite number");
                } else if (value < min || value > max) {
                    fail(path, max == Double.MAX_VALUE
                            ? "must be >= " + format(min) + ", got " + node.asText()
                            : "must be between " + format(min) + " and " + format(max) + ", got " + node.asText());
                }
            }
        }

        private static String format(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }
}
