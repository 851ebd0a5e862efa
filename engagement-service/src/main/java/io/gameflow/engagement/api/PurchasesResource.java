package io.gameflow.engagement.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.engagement.query.EngagementState;
import io.gameflow.engagement.domain.CurrencyRevenue;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Path("/v1/purchases")
@Tag(name = "purchases")
@Produces(MediaType.APPLICATION_JSON)
public class PurchasesResource {

    private final EngagementState state;

    public PurchasesResource(EngagementState state) {
        this.state = state;
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Revenue per currency over the last minute, the last hour and in total; refunds and refund rate",
            description = "Amounts are never converted between currencies. revenue_* count purchases; refunded is what was "
                    + "refunded; refund_rate is refunds per purchase. as_of is the latest event time of the purchases; the "
                    + "1m and 1h windows end there, exact to the second.")
    @APIResponse(responseCode = "200", description = "The currencies",
            content = @Content(schema = @Schema(implementation = SummaryAnswer.class)))
    @APIResponse(responseCode = "503", description = "Stream processing is starting or rebalancing; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public SummaryAnswer summary() {
        List<CurrencyRevenue> currencies = state.revenue();
        long asOfSecond = currencies.stream().mapToLong(CurrencyRevenue::newestSecond).max().orElse(Long.MIN_VALUE);
        Map<String, CurrencySummary> byCurrency = new LinkedHashMap<>();
        for (CurrencyRevenue c : currencies) {
            byCurrency.put(c.currency(), new CurrencySummary(round(c.revenueWithin(asOfSecond, 60)),
                    round(c.revenueWithin(asOfSecond, 3600)), round(c.revenue()), c.purchases(), c.refunds(),
                    round(c.refunded()), round(c.revenue() - c.refunded()), c.refundRate()));
        }
        return new SummaryAnswer(asOfSecond == Long.MIN_VALUE ? null : Instant.ofEpochSecond(asOfSecond), byCurrency);
    }

    @GET
    @Path("/items")
    @Operation(summary = "Revenue by item type and the top items, per currency",
            description = "top_items are the items bought most often over all currencies, at most limit (1-1000, default 10).")
    @APIResponse(responseCode = "200", description = "Item types and top items",
            content = @Content(schema = @Schema(implementation = ItemsAnswer.class)))
    @APIResponse(responseCode = "400", description = "A bad limit",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ItemsAnswer items(@Parameter(description = "At most this many top items, 1-1000") @QueryParam("limit") String limit) {
        int most = limit == null || limit.isBlank() ? 10 : QueryParams.limit(limit);
        List<CurrencyRevenue> currencies = state.revenue();
        Map<String, Map<String, Double>> byType = new TreeMap<>();
        Map<String, TopItem> items = new HashMap<>();
        for (CurrencyRevenue c : currencies) {
            c.byItemType().forEach((type, amount) -> byType.computeIfAbsent(type, t -> new TreeMap<>()).put(c.currency(), round(amount)));
            c.items().forEach((id, sold) -> items.merge(id, new TopItem(id, sold.itemType(), sold.purchases(),
                    Map.of(c.currency(), round(sold.revenue()))), TopItem::plus));
        }
        List<TopItem> top = items.values().stream().sorted(Comparator.comparingLong(TopItem::purchases).reversed()
                .thenComparing(TopItem::itemId)).limit(most).toList();
        long asOfSecond = currencies.stream().mapToLong(CurrencyRevenue::newestSecond).max().orElse(Long.MIN_VALUE);
        return new ItemsAnswer(asOfSecond == Long.MIN_VALUE ? null : Instant.ofEpochSecond(asOfSecond), byType, top);
    }

    private static double round(double amount) {
        return Math.round(amount * 100) / 100.0;
    }

    public record CurrencySummary(double revenueLastMinute, double revenueLastHour, double revenueTotal, long purchases, long refunds,
                                  double refunded, double netTotal, double refundRate) {
    }

    public record SummaryAnswer(Instant asOf, Map<String, CurrencySummary> currencies) {
    }

    /** One item: how often it was bought, and its revenue per currency. */
    public record TopItem(String itemId, String itemType, long purchases, Map<String, Double> revenue) {

        TopItem plus(TopItem other) {
            Map<String, Double> merged = new TreeMap<>(revenue);
            other.revenue.forEach((currency, amount) -> merged.merge(currency, amount, Double::sum));
            return new TopItem(itemId, itemType, purchases + other.purchases, merged);
        }
    }

    public record ItemsAnswer(Instant asOf, Map<String, Map<String, Double>> byItemType, List<TopItem> topItems) {
    }
}
