package io.gameflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/prometheus, deploy/alertmanager and deploy/grafana, checked by the tools that will load them (promtool,
 * amtool) and by what those tools do not check: that every alert is unit-tested both firing and quiet, and that
 * every dashboard panel queries the provisioned Prometheus.
 */
class PrometheusConfigTest {

    private static final String PROMETHEUS = "deploy/prometheus";
    private static final String ALERTMANAGER = "deploy/alertmanager/alertmanager.yml";
    private static final String DASHBOARDS = "deploy/grafana/dashboards";
    private static final String DATASOURCE_UID = "prometheus";
    private static final Set<String> SEVERITIES = Set.of("warning", "critical");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prometheusConfigAndTheRulesItLoadsAreValid() {
        ExternalTool.runOk("promtool", "check", "config", PROMETHEUS + "/prometheus.yml");
    }

    /** /q/metrics answers on each service's management interface only; its API port answers 404 there. */
    @Test
    void everyServiceIsScrapedOnItsManagementPort() {
        List<String> wrong = new ArrayList<>();
        for (JsonNode job : read(YAML, PROMETHEUS + "/prometheus.yml").path("scrape_configs")) {
            String service = job.path("job_name").asText();
            if (!service.endsWith("-service")) {
                continue;
            }
            String expected = service + ":" + ServiceConfig.of(service).managementPort();
            for (JsonNode statics : job.path("static_configs")) {
                statics.path("targets").forEach(t -> {
                    if (!expected.equals(t.asText())) {
                        wrong.add(service + " scrapes " + t.asText() + ", expected " + expected);
                    }
                });
            }
            if (!"/q/metrics".equals(job.path("metrics_path").asText())) {
                wrong.add(service + " has metrics_path " + job.path("metrics_path").asText() + ", expected /q/metrics");
            }
        }
        assertEquals(List.of(), wrong, "deploy/prometheus/prometheus.yml must scrape each service's management port");
    }

    @Test
    void everyRuleFileIsValid() {
        for (String file : files(PROMETHEUS + "/rules", ".yml")) {
            ExternalTool.runOk("promtool", "check", "rules", file);
        }
    }

    @Test
    void ruleUnitTestsPass() {
        for (String file : files(PROMETHEUS + "/tests", ".yml")) {
            ExternalTool.runOk("promtool", "test", "rules", file);
        }
    }

    @Test
    void everyAlertHasSeverityAndSummary() {
        alertRules().forEach((name, rule) -> {
            assertTrue(SEVERITIES.contains(rule.path("labels").path("severity").asText()),
                    name + ": labels.severity must be one of " + SEVERITIES + " (alertmanager routes on it)");
            assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name + ": no annotations.summary");
            assertFalse(rule.path("annotations").path("description").asText().isBlank(),
                    name + ": no annotations.description");
        });
    }

    /**
     * An alert added without a test that makes it fire, and one that keeps it quiet, fails the build. A quiet case
     * in a test that does not load the alert's rule file would pass whatever the rule says, so it does not count.
     */
    @Test
    void everyAlertIsTestedFiringAndQuiet() {
        Set<String> alerts = alertRules().keySet();
        Set<String> firing = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (String file : files(PROMETHEUS + "/tests", ".yml")) {
            Set<String> loaded = alertRules(ruleFilesOf(file)).keySet();
            for (JsonNode test : read(YAML, file).path("tests")) {
                for (JsonNode expectation : test.path("alert_rule_test")) {
                    String name = expectation.path("alertname").asText();
                    assertTrue(alerts.contains(name), file + " tests " + name + ", which no rule file defines");
                    assertTrue(loaded.contains(name), file + " tests " + name + " without loading its rule file");
                    (expectation.path("exp_alerts").isEmpty() ? quiet : firing).add(name);
                }
            }
        }
        Set<String> untestedFiring = new TreeSet<>(alerts);
        untestedFiring.removeAll(firing);
        Set<String> untestedQuiet = new TreeSet<>(alerts);
        untestedQuiet.removeAll(quiet);
        assertTrue(untestedFiring.isEmpty(), "alerts without a promtool test case where they fire: " + untestedFiring);
        assertTrue(untestedQuiet.isEmpty(), "alerts without a promtool test case where they stay quiet: " + untestedQuiet);
    }

    @Test
    void everyRuleFileIsLoadedByPrometheusAndByATest() {
        List<String> ruleFiles = files(PROMETHEUS + "/rules", ".yml");
        assertTrue(read(YAML, PROMETHEUS + "/prometheus.yml").path("rule_files").toString().contains("rules/*.yml"),
                "prometheus.yml must load rules/*.yml");
        Set<String> tested = new HashSet<>();
        for (String file : files(PROMETHEUS + "/tests", ".yml")) {
            tested.addAll(ruleFilesOf(file));
        }
        for (String file : ruleFiles) {
            assertTrue(tested.contains(file), file + " is not in the rule_files of any test in " + PROMETHEUS + "/tests");
        }
    }

    @Test
    void alertmanagerConfigIsValidAndPagesOnCritical() {
        ExternalTool.runOk("amtool", "check-config", ALERTMANAGER);
        ExternalTool.runOk("amtool", "config", "routes", "test", "--config.file=" + ALERTMANAGER,
                "--verify.receivers=critical", "alertname=GameServerCpuCritical", "severity=critical", "region=eu-central");
        ExternalTool.runOk("amtool", "config", "routes", "test", "--config.file=" + ALERTMANAGER,
                "--verify.receivers=default", "alertname=GameServerCpuHigh", "severity=warning", "region=eu-central");
    }

    @Test
    void grafanaIsProvisionedWithThePrometheusTheDashboardsUse() {
        JsonNode datasources = read(YAML, "deploy/grafana/provisioning/datasources/prometheus.yml").path("datasources");
        assertTrue(stream(datasources).anyMatch(d -> DATASOURCE_UID.equals(d.path("uid").asText())
                        && "prometheus".equals(d.path("type").asText())
                        && "http://prometheus:9090".equals(d.path("url").asText())),
                "no Prometheus datasource with uid " + DATASOURCE_UID + " at http://prometheus:9090");
        JsonNode providers = read(YAML, "deploy/grafana/provisioning/dashboards/gameflow.yml").path("providers");
        assertEquals(1, providers.size(), "one dashboard provider");
        assertFalse(providers.get(0).path("options").path("path").asText().isBlank(), "the provider needs a path");
    }

    @Test
    void dashboardPanelsQueryThePrometheusDatasource() {
        List<String> dashboards = files(DASHBOARDS, ".json");
        assertEquals(Set.of("engagement.json", "monetization.json", "servers.json", "pipeline.json", "studio-kpis.json"),
                dashboards.stream().map(f -> Path.of(f).getFileName().toString()).collect(Collectors.toSet()));
        Set<String> uids = new HashSet<>();
        for (String file : dashboards) {
            JsonNode dashboard = read(JSON, file);
            assertTrue(uids.add(dashboard.path("uid").asText()), file + ": missing or repeated dashboard uid");
            assertFalse(dashboard.path("title").asText().isBlank(), file + ": no title");
            List<JsonNode> panels = panels(dashboard);
            assertFalse(panels.isEmpty(), file + ": no panels");
            for (JsonNode panel : panels) {
                String where = file + ", panel '" + panel.path("title").asText() + "'";
                assertEquals(DATASOURCE_UID, panel.path("datasource").path("uid").asText(), where + ": datasource uid");
                assertFalse(panel.path("targets").isEmpty(), where + ": no targets");
                for (JsonNode target : panel.path("targets")) {
                    assertFalse(target.path("expr").asText().isBlank(), where + ": a target without expr");
                    if (target.has("datasource")) {
                        assertEquals(DATASOURCE_UID, target.path("datasource").path("uid").asText(), where + ": target datasource");
                    }
                }
            }
        }
    }

    /**
     * Studio KPIs (issue 22): every engagement-service instance reports the whole service's KPI gauges, so a sum over
     * instances would count each player once per instance. The dashboard reads every gauge, each one by platform,
     * and combines instances with max() only (in any dashboard that reads them).
     */
    @Test
    void studioKpisAreShownByPlatformAndCombinedWithMaxNeverSummed() {
        Set<String> gauges = Set.of("gameflow_kpi_daily_active_players", "gameflow_kpi_monthly_active_players",
                "gameflow_kpi_new_players", "gameflow_kpi_retention", "gameflow_kpi_as_of_seconds");
        Pattern aggregation = Pattern.compile("\\b(sum|avg|count|max|min)\\b\\s*(?:by\\s*\\([^)]*\\)\\s*)?\\(");
        List<String> wrong = new ArrayList<>();
        for (String file : files(DASHBOARDS, ".json")) {
            for (JsonNode panel : panels(read(JSON, file))) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    if (!expr.contains("gameflow_kpi_")) {
                        continue;
                    }
                    Matcher m = aggregation.matcher(expr);
                    boolean aggregated = false;
                    while (m.find()) {
                        aggregated = true;
                        if (!"max".equals(m.group(1))) {
                            wrong.add(file + ", panel '" + panel.path("title").asText() + "': " + m.group(1) + " in " + expr);
                        }
                    }
                    if (!aggregated) {
                        wrong.add(file + ", panel '" + panel.path("title").asText() + "': instances not combined in " + expr);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "the KPI gauges are the whole service's figure on every instance: max(), never sum()");

        JsonNode dashboard = read(JSON, DASHBOARDS + "/studio-kpis.json");
        assertTrue(dashboard.path("title").asText().endsWith("Studio KPIs"), "title " + dashboard.path("title"));
        List<String> exprs = panels(dashboard).stream()
                .flatMap(p -> stream(p.path("targets"))).map(t -> t.path("expr").asText()).toList();
        for (String gauge : gauges) {
            assertTrue(exprs.stream().anyMatch(e -> e.contains(gauge)), "studio-kpis.json never reads " + gauge);
        }
        for (String byPlatform : List.of("gameflow_kpi_daily_active_players", "gameflow_kpi_monthly_active_players",
                "gameflow_kpi_new_players", "gameflow_kpi_retention{day=\"1\"}", "gameflow_kpi_retention{day=\"7\"}")) {
            assertTrue(exprs.stream().anyMatch(e -> e.startsWith("max by (platform) (" + byPlatform + ")")),
                    "studio-kpis.json has no panel of max by (platform) (" + byPlatform + ")");
        }
        assertTrue(exprs.stream().anyMatch(e -> e.contains("max by (platform) (gameflow_kpi_daily_active_players) / ")),
                "studio-kpis.json has no stickiness (DAU / MAU) by platform");
    }

    /** promtool parses each panel's query, with Grafana's variables replaced by values of their kind. */
    @Test
    void dashboardQueriesAreValidPromQL(@TempDir Path tmp) throws IOException {
        Map<String, String> variables = new TreeMap<>(Map.of(
                "$__rate_interval", "1m", "$__interval", "1m", "$__range", "1h", "$window", "5m", "$region", ".*"));
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int n = 0;
        for (String file : files(DASHBOARDS, ".json")) {
            for (JsonNode panel : panels(read(JSON, file))) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    for (Map.Entry<String, String> v : variables.entrySet()) {
                        expr = expr.replace(v.getKey(), v.getValue());
                    }
                    assertFalse(expr.contains("$"), file + ": unknown Grafana variable in " + target.path("expr").asText());
                    // the record name is what promtool reports: say which dashboard, panel and target it is
                    String name = (Path.of(file).getFileName() + "_panel_" + panel.path("id").asText() + "_"
                            + target.path("refId").asText() + "_" + n++).replaceAll("[^A-Za-z0-9_]", "_");
                    rules.append("      - record: ").append(name).append('\n')
                            .append("        expr: ").append(JSON.writeValueAsString(expr)).append('\n');
                }
            }
        }
        Path ruleFile = tmp.resolve("dashboard-queries.yml");
        Files.writeString(ruleFile, rules);
        ExternalTool.runOk("promtool", "check", "rules", ruleFile.toString());
    }

    private static Map<String, JsonNode> alertRules() {
        Map<String, JsonNode> alerts = alertRules(files(PROMETHEUS + "/rules", ".yml"));
        assertFalse(alerts.isEmpty(), "no alert rules under " + PROMETHEUS + "/rules");
        return alerts;
    }

    private static Map<String, JsonNode> alertRules(List<String> ruleFiles) {
        Map<String, JsonNode> alerts = new TreeMap<>();
        for (String file : ruleFiles) {
            for (JsonNode group : read(YAML, file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (rule.has("alert")) {
                        assertTrue(alerts.put(rule.path("alert").asText(), rule) == null,
                                "alert " + rule.path("alert").asText() + " is defined twice");
                    }
                }
            }
        }
        return alerts;
    }

    /** A promtool test file's rule_files (relative to the test file), relative to the project root. */
    private static List<String> ruleFilesOf(String testFile) {
        Path root = ExternalTool.root();
        Path dir = root.resolve(testFile).getParent();
        List<String> ruleFiles = new ArrayList<>();
        read(YAML, testFile).path("rule_files")
                .forEach(f -> ruleFiles.add(root.relativize(dir.resolve(f.asText()).normalize()).toString()));
        return ruleFiles;
    }

    /** Panels, with those inside collapsed rows in place of the rows, which hold no query. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** The files of a directory with this suffix, relative to the project root, sorted; at least one. */
    private static List<String> files(String dir, String suffix) {
        Path root = ExternalTool.root();
        try (Stream<Path> list = Files.list(root.resolve(dir))) {
            List<String> files = list.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .map(p -> root.relativize(p).toString())
                    .sorted()
                    .toList();
            assertFalse(files.isEmpty(), "no " + suffix + " files in " + dir);
            return files;
        } catch (IOException e) {
            throw new AssertionError("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, String file) {
        try {
            return mapper.readTree(ExternalTool.root().resolve(file).toFile());
        } catch (IOException e) {
            throw new AssertionError(file + " does not parse: " + e.getMessage(), e);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
