package io.gameflow.engagement.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gameflow.engagement.domain.kpi.ActiveDays;
import io.gameflow.events.EventJson;
import io.gameflow.streams.support.serde.JsonSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A user's store value keeps the days they bought on, and a value written before the studio KPIs still reads. */
class UserPurchasesTest {

    private final Serde<UserPurchases> serde = JsonSerdes.of(UserPurchases.class);

    @Test
    void payerDaysComeBackEqual() {
        UserPurchases user = new UserPurchases(List.of(), Map.of("velocity", 5L),
                Map.of("USD", new ActiveDays(20_400, 20_401, 3L), "*", ActiveDays.firstOn(20_400)));
        assertEquals(user, serde.deserializer().deserialize("t", serde.serializer().serialize("t", user)));
    }

    @Test
    void aValueFromBeforeTheKpisReadsWithoutPayerDays() {
        UserPurchases user = new UserPurchases(List.of(), Map.of("velocity", 5L), Map.of("USD", ActiveDays.firstOn(1)));
        ObjectNode json = (ObjectNode) EventJson.readTree(new String(serde.serializer().serialize("t", user), StandardCharsets.UTF_8));
        json.remove("payer_days");
        UserPurchases old = serde.deserializer().deserialize("t", json.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of(), old.payerDays());
        assertEquals(Map.of("velocity", 5L), old.lastFindingEnd());
    }
}
