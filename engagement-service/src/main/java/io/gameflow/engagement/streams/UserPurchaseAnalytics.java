package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.FraudDetector;
import io.gameflow.engagement.domain.FraudFinding;
import io.gameflow.engagement.domain.Purchase;
import io.gameflow.engagement.domain.UserPurchases;
import io.gameflow.engagement.domain.kpi.KpiSettings;
import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.streams.support.time.TaskTime;
import io.gameflow.streams.support.trace.RecordTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;

/**
 * Everything per user (the input key), reading and writing the user once per purchase or refund
 * ({@value PurchaseTopology#USER_PURCHASES_STORE}): the velocity, currency-hopping and refund-abuse rules, each
 * episode reported once, and the studio KPIs of money ({@link PurchaseKpis}), whose days the user bought on are kept
 * with the user's purchases. "Now", for which KPI days are final, is the task's {@link TaskTime}.
 */
final class UserPurchaseAnalytics implements Processor<String, Purchase, String, FraudFinding> {

    private final FraudDetector detector;
    private final KpiSettings kpi;
    private final Duration grace;
    private final EngagementMeters meters;
    private final RecordTracing tracing;
    private final FindingsOut out;
    private final TaskTime time = new TaskTime();
    private ProcessorContext<String, FraudFinding> context;
    private KeyValueStore<String, UserPurchases> users;
    private PurchaseKpis kpis;

    UserPurchaseAnalytics(FraudDetector detector, KpiSettings kpi, Duration grace, EngagementMeters meters,
                          RecordTracing tracing) {
        this.detector = detector;
        this.kpi = kpi;
        this.grace = grace;
        this.meters = meters;
        this.tracing = tracing;
        this.out = new FindingsOut(meters);
    }

    @Override
    public void init(ProcessorContext<String, FraudFinding> context) {
        this.context = context;
        this.users = context.getStateStore(PurchaseTopology.USER_PURCHASES_STORE);
        KeyValueStore<String, String> money = context.getStateStore(PurchaseTopology.PURCHASE_KPIS_STORE);
        this.kpis = new PurchaseKpis(money, DayCounters.ofTexts(money, kpi.calendar(), grace, kpi.daysKept()), meters);
        time.start(context, Duration.ofSeconds(1), (now, wallNow) -> kpis.tick(now));
    }

    @Override
    public void process(Record<String, Purchase> record) {
        Span span = tracing.start("user fraud rules", record.headers());
        try (Scope current = span == null ? null : span.makeCurrent()) {
            Purchase purchase = record.value();
            time.observe(purchase.eventTimeMs());
            FraudDetector.Step step = detector.onPurchase(users.get(record.key()), purchase);
            UserPurchases after = step.state();
            users.put(record.key(), after.withPayerDays(kpis.onPurchase(after.payerDays(), purchase, time.now())));
            for (FraudFinding finding : step.findings()) {
                out.send(context, finding, record, span);
            }
        } finally {
            if (span != null) {
                span.end();
            }
        }
    }
}
