import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * What the benchmarks ask of the broker, through the AdminClient. Run as a single-file program:
 * java -cp <kafka-clients...> bench/src/BenchKafka.java <bootstrap> <command> ...
 *
 * <ul>
 *   <li>{@code end-offsets TOPIC...}: prints the sum of the topics' end offsets (records in them, from offset 0);</li>
 *   <li>{@code wait-caught-up GROUP TIMEOUT_S TOPIC...}: waits until the consumer group's committed offsets reach the
 *   end of the given topics and of every other topic the group commits to (Kafka Streams' repartition topics), i.e.
 *   consumer lag 0, polling every 100 ms; prints {@code <epoch millis when caught up> <records consumed>} and a
 *   progress line on stderr every 5 s. Exits 1 on timeout.</li>
 * </ul>
 */
public class BenchKafka {

    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            switch (args[1]) {
                case "end-offsets" -> System.out.println(sum(endOffsets(admin, partitionsOf(admin, List.of(args).subList(2, args.length)))));
                case "wait-caught-up" -> waitCaughtUp(admin, args[2], Long.parseLong(args[3]), List.of(args).subList(4, args.length));
                default -> throw new IllegalArgumentException("unknown command " + args[1]);
            }
        }
    }

    private static void waitCaughtUp(Admin admin, String group, long timeoutSeconds, List<String> topics) throws Exception {
        Set<TopicPartition> inputs = partitionsOf(admin, topics);
        long inputEnd = sum(endOffsets(admin, inputs));
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000;
        long nextProgress = System.currentTimeMillis() + 5000;
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Set<TopicPartition> all = new HashSet<>(inputs);
            committed.keySet().stream().filter(tp -> committed.get(tp) != null).forEach(all::add);
            Map<TopicPartition, Long> end = endOffsets(admin, all);
            long lag = 0;
            long inputDone = 0;
            for (TopicPartition tp : all) {
                OffsetAndMetadata c = committed.get(tp);
                long position = c == null ? 0 : c.offset();
                lag += Math.max(0, end.get(tp) - position);
                if (inputs.contains(tp)) {
                    inputDone += Math.min(position, end.get(tp));
                }
            }
            long now = System.currentTimeMillis();
            if (lag == 0) {
                System.out.println(now + " " + inputDone);
                return;
            }
            if (now > nextProgress) {
                System.err.printf("[bench]   %s: %,d of %,d input records committed, lag %,d%n", group, inputDone, inputEnd, lag);
                nextProgress = now + 5000;
            }
            if (now > deadline) {
                System.err.printf("[bench] %s not caught up within %d s (lag %,d)%n", group, timeoutSeconds, lag);
                System.exit(1);
            }
            Thread.sleep(100);
        }
    }

    private static Set<TopicPartition> partitionsOf(Admin admin, List<String> topics) throws ExecutionException, InterruptedException {
        Set<TopicPartition> partitions = new HashSet<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        return partitions;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<TopicPartition> partitions) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> result = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(request).all().get().entrySet()) {
            result.put(e.getKey(), e.getValue().offset());
        }
        return result;
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
