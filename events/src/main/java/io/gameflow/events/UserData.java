package io.gameflow.events;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/** Who sent a player or purchase event. */
public record UserData(String userId, String platform, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public UserData {
        extra = Extra.copy(extra);
    }

    public UserData(String userId, String platform) {
        this(userId, platform, Map.of());
    }
}
