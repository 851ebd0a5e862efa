package io.gameflow.engagement.streams;

import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.engagement.domain.FraudDetector;
import io.gameflow.engagement.domain.FraudFinding;
import io.gameflow.engagement.domain.Purchase;
import io.gameflow.engagement.domain.UserPurchases;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Per user (the input key): the velocity, currency-hopping and refund-abuse rules, each episode reported once. */
final class UserFraudRules implements Processor<String, Purchase, String, FraudFinding> {

    private final FraudDetector detector;
    private final EngagementMeters meters;
    private ProcessorContext<String, FraudFinding> context;
    private KeyValueStore<String, UserPurchases> users;

    UserFraudRules(FraudDetector detector, EngagementMeters meters) {
        this.detector = detector;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, FraudFinding> context) {
        this.context = context;
        this.users = context.getStateStore(PurchaseTopology.USER_PURCHASES_STORE);
    }

    @Override
    public void process(Record<String, Purchase> record) {
        FraudDetector.Step step = detector.onPurchase(users.get(record.key()), record.value());
        users.put(record.key(), step.state());
        for (FraudFinding finding : step.findings()) {
            meters.fraud(finding.rule());
            context.forward(new Record<>(finding.userId(), finding, record.timestamp()));
        }
    }
}
