import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a service's time goes, from a JFR recording's execution samples: the share of samples by thread, by kind of
 * work (any frame of the stack matching a pattern), by GameFlow method (inclusive), by the innermost GameFlow method
 * and what it called, and by the top frame. Markdown on stdout, for bench/results.
 *
 * <pre>java bench/src/JfrSummary.java recording.jfr [thread-regex]</pre>
 *
 * Record with {@code BENCH_JAVA_OPTS="-Xmx256m -XX:StartFlightRecording=filename=<dir>/,settings=profile"}.
 */
public class JfrSummary {

    private static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("record caches (NamedCache, ThreadCache)", Pattern.compile("NamedCache|ThreadCache"));
        KINDS.put("JSON (Jackson)", Pattern.compile("com\\.fasterxml\\.jackson"));
        KINDS.put("changelog writes", Pattern.compile("ChangeLogging"));
        KINDS.put("commit (flush, offsets, transaction)", Pattern.compile("TaskManager\\.commit|prepareCommit|postCommit|commitTransaction"));
        KINDS.put("producer send", Pattern.compile("KafkaProducer\\.send|RecordCollectorImpl\\.send"));
        KINDS.put("RocksDB", Pattern.compile("org\\.rocksdb|RocksDBStore"));
        KINDS.put("Kafka metrics sensors", Pattern.compile("Sensor\\.record"));
        KINDS.put("consumer poll", Pattern.compile("KafkaConsumer\\.poll"));
        KINDS.put("punctuation", Pattern.compile("punctuate"));
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java JfrSummary.java recording.jfr [thread-regex]");
            System.exit(2);
        }
        Pattern threads = Pattern.compile(args.length > 1 ? args[1] : ".*");
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> innermost = new HashMap<>();
        Map<String, Integer> topFrames = new HashMap<>();
        int all = 0;
        int selected = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            all++;
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            String threadKind = thread == null ? "?" : thread.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<uuid>").replaceAll("\\d+", "N");
            byThread.merge(threadKind, 1, Integer::sum);
            if (thread == null || !threads.matcher(thread).find()) {
                continue;
            }
            selected++;
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
            String stack = String.join("\n", frames);
            KINDS.forEach((kind, pattern) -> {
                if (pattern.matcher(stack).find()) {
                    byKind.merge(kind, 1, Integer::sum);
                }
            });
            topFrames.merge(frames.isEmpty() ? "?" : frames.get(0), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            boolean innermostFound = false;
            for (int i = 0; i < frames.size(); i++) {
                String frame = frames.get(i);
                if (!frame.startsWith("io.gameflow.")) {
                    continue;
                }
                String method = shortName(frame);
                if (seen.add(method)) {
                    inclusive.merge(method, 1, Integer::sum);
                }
                if (!innermostFound) {
                    innermostFound = true;
                    innermost.merge(method + (i > 0 ? " → " + shortName(frames.get(i - 1)) : " (itself)"), 1, Integer::sum);
                }
            }
            if (!innermostFound) {
                innermost.merge("(no GameFlow frame: Kafka Streams' own work)", 1, Integer::sum);
            }
        }
        System.out.printf("%d execution samples, %d in threads matching `%s`.%n%n", all, selected, threads);
        table("thread", byThread, all, 8);
        table("kind of work (a sample counts in every kind its stack shows)", byKind, selected, 20);
        table("GameFlow method, inclusive", inclusive, selected, 20);
        table("innermost GameFlow method → what it called", innermost, selected, 20);
        table("top frame", topFrames, selected, 15);
    }

    private static String shortName(String frame) {
        String[] parts = frame.split("\\.");
        return parts.length < 2 ? frame : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private static void table(String title, Map<String, Integer> counts, int total, int rows) {
        System.out.printf("| %s | share |%n| --- | --- |%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(e -> System.out.printf("| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, total)));
        System.out.println();
    }
}
