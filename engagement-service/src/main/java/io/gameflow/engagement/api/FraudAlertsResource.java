package io.gameflow.engagement.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.engagement.domain.FraudFinding;
import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.messaging.FindingsLog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Set;

@Path("/v1/purchases/fraud-alerts")
@Tag(name = "purchases")
@Produces(MediaType.APPLICATION_JSON)
public class FraudAlertsResource {

    private final FindingsLog log;

    public FraudAlertsResource(FindingsLog log) {
        this.log = log;
    }

    @GET
    @Operation(summary = "The latest fraud findings, as on fraud-alerts, each with its evidence",
            description = "Latest first, at most limit (1-1000, default 100) of the latest 1,000. Rules: purchase_velocity "
                    + "(more than 5 purchases in 1 min), currency_hopping (more than 1 currency in 10 min), refund_abuse "
                    + "(at least 3 refunds and more than half of the purchases in 24 h), amount_outlier (over 2.5 times "
                    + "the running mean of the item type in the same currency). Each episode is reported once per user and rule.")
    @APIResponse(responseCode = "200", description = "The findings",
            content = @Content(schema = @Schema(implementation = Answer.class)))
    @APIResponse(responseCode = "400", description = "An unknown rule or a bad limit",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Answer findings(@Parameter(description = "Only this rule") @QueryParam("rule") String rule,
                           @Parameter(description = "Only this user") @QueryParam("user_id") String userId,
                           @Parameter(description = "At most this many, 1-1000") @QueryParam("limit") String limit) {
        String only = QueryParams.oneOf("rule", rule,
                Set.of(FraudRules.VELOCITY, FraudRules.HOPPING, FraudRules.REFUNDS, FraudRules.OUTLIER));
        List<FraudFinding> findings = log.findings(f -> QueryParams.matches(only, f.rule())
                && QueryParams.matches(userId, f.userId()), QueryParams.limit(limit));
        Instant asOf = findings.stream().map(f -> Instant.parse(f.windowEnd())).max(Instant::compareTo).orElse(null);
        return new Answer(asOf, findings);
    }

    /** The findings; as_of is the latest event time among them (the end of the latest window). */
    public record Answer(Instant asOf, List<FraudFinding> findings) {
    }
}
