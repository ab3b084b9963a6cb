package dev.quorum.ui.simulation;

import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.Model;
import dev.quorum.sim.scenarios.Series;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.Unit;
import dev.quorum.sim.scenarios.guide.ScenarioModel;
import dev.quorum.sim.scenarios.guide.ScenarioModel.Measure;
import dev.quorum.sim.scenarios.guide.ScenarioModel.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charts a simulation result gives, as plain data the view draws: time series as lines, the claimed measures
 * of a scenario before and after the fix as bars, and distributions (mean and percentiles) as grouped bars.
 */
public final class ResultCharts {

    // Metric names carry their statistic as a token: writes_lost_p95, delay_mean_push, latency_max_jitter.
    private static final Pattern STATISTIC = Pattern.compile("_(mean|median|p50|p90|p95|p99|p999|max)(?=_|$)");
    private static final List<String> STATISTIC_ORDER = List.of("mean", "median", "p50", "p90", "p95", "p99", "p999", "max");
    private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*\\(([^()]*)\\)\\s*$");
    private static final Pattern STATISTIC_WORDS = Pattern.compile(
            "(?i),?\\s*\\(?\\b(mean|median|worst|\\d+(st|nd|rd|th) percentile)\\b\\)?");

    private ResultCharts() {
    }

    /** One point of a line: x in seconds from the series' start, y in the series' unit. */
    public record Point(double x, double y) {
    }

    /** One line of a line chart. */
    public record Line(String name, List<Point> points) {
        public Line {
            points = List.copyOf(points);
        }
    }

    /** A line chart: lines that share a unit and a time axis. */
    public record LineChartData(String title, Unit unit, List<Line> lines) {
        public LineChartData {
            lines = List.copyOf(lines);
        }
    }

    /** One bar series: a value per category, NaN where it has none. */
    public record BarSeries(String name, List<Double> values) {
        public BarSeries {
            values = List.copyOf(values);
        }
    }

    /** A bar chart: categories along the axis, one bar per series in each, all in one unit. */
    public record BarChartData(String title, Unit unit, List<String> categories, List<BarSeries> series) {
        public BarChartData {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
        }
    }

    /**
     * The time series as line charts. Series with the same unit, time axis and label (apart from a trailing note in
     * parentheses, which names the variant) share a chart, one line each.
     */
    public static List<LineChartData> timeSeries(SimulationResult result) {
        Map<String, List<Series>> groups = new LinkedHashMap<>();
        for (Series s : result.series()) {
            String key = s.unit() + "|" + s.start() + "|" + s.width() + "|" + base(s.label());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<LineChartData> out = new ArrayList<>();
        for (List<Series> group : groups.values()) {
            List<Line> lines = new ArrayList<>();
            for (Series s : group) {
                List<Point> points = new ArrayList<>();
                for (int i = 0; i < s.values().size(); i++) {
                    double y = s.values().get(i);
                    if (Double.isFinite(y)) {
                        points.add(new Point(s.start() + i * s.width(), y));
                    }
                }
                lines.add(new Line(group.size() == 1 ? s.label() : note(s.label()).orElse(s.label()), points));
            }
            Series first = group.get(0);
            out.add(new LineChartData(group.size() == 1 ? capitalise(first.label()) : capitalise(base(first.label())),
                    first.unit(), lines));
        }
        return out;
    }

    /**
     * For a scenario model, one chart per measure the fix claims to improve, with one bar per variant (the naive
     * design first, the fix last); nothing for other models.
     */
    public static List<BarChartData> beforeAfter(Model model, SimulationResult result) {
        if (!(model instanceof ScenarioModel scenario)) {
            return List.of();
        }
        List<BarChartData> out = new ArrayList<>();
        for (Measure m : scenario.measures()) {
            if (!m.claimed()) {
                continue;
            }
            List<BarSeries> bars = new ArrayList<>();
            for (Variant v : scenario.variants()) {
                result.metric(ScenarioModel.metricName(m, v))
                        .ifPresent(metric -> bars.add(new BarSeries(v.label(), List.of(metric.value()))));
            }
            if (!bars.isEmpty()) {
                out.add(new BarChartData(capitalise(m.label()), m.unit(), List.of(m.label()), bars));
            }
        }
        return out;
    }

    /**
     * The distributions a result reports: metrics that share a name apart from a statistic (mean, median, a
     * percentile, the worst) form one chart, with the statistics along the axis and one bar series per variant.
     * A metric with no statistic in its name counts as the mean when percentiles of it exist.
     */
    public static List<BarChartData> distributions(Model model, SimulationResult result) {
        Map<String, Metric> byName = new LinkedHashMap<>();
        result.metrics().forEach(m -> byName.put(m.name(), m));
        // base name -> variant suffix -> statistic -> metric
        Map<String, Map<String, Map<String, Metric>>> groups = new LinkedHashMap<>();
        for (Metric m : result.metrics()) {
            Matcher s = STATISTIC.matcher(m.name());
            if (!s.find()) {
                continue;
            }
            String base = m.name().substring(0, s.start());
            String suffix = m.name().substring(s.end()).replaceFirst("^_", "");
            groups.computeIfAbsent(base, k -> new LinkedHashMap<>()).computeIfAbsent(suffix, k -> new LinkedHashMap<>())
                    .put(s.group(1), m);
            Metric plain = byName.get(suffix.isEmpty() ? base : base + "_" + suffix);
            if (plain != null && !STATISTIC.matcher(plain.name()).find()) {
                groups.get(base).get(suffix).putIfAbsent("mean", plain);
            }
        }
        List<BarChartData> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, Metric>>> g : groups.entrySet()) {
            List<String> statistics = new ArrayList<>();
            for (String stat : STATISTIC_ORDER) {
                if (g.getValue().values().stream().anyMatch(byStat -> byStat.containsKey(stat))) {
                    statistics.add(stat);
                }
            }
            if (statistics.size() < 2) {
                continue;
            }
            List<BarSeries> series = new ArrayList<>();
            Metric any = null;
            for (Map.Entry<String, Map<String, Metric>> variant : g.getValue().entrySet()) {
                List<Double> values = new ArrayList<>();
                for (String stat : statistics) {
                    Metric m = variant.getValue().get(stat);
                    values.add(m == null ? Double.NaN : m.value());
                    any = any == null ? m : any;
                }
                series.add(new BarSeries(variantLabel(model, variant.getKey()), values));
            }
            if (any == null) {
                continue;
            }
            String title = STATISTIC_WORDS.matcher(g.getValue().size() > 1 ? base(any.label()) : any.label()).replaceAll("")
                    .replaceAll("\\s*\\(\\s*\\)", "").strip();
            out.add(new BarChartData(capitalise(title) + ": distribution", any.unit(),
                    statistics.stream().map(ResultCharts::statisticLabel).toList(), series));
        }
        return out;
    }

    private static String variantLabel(Model model, String suffix) {
        if (suffix.isEmpty()) {
            return "all runs";
        }
        if (model instanceof ScenarioModel scenario) {
            Optional<Variant> v = scenario.variant(suffix);
            if (v.isPresent()) {
                return v.get().label();
            }
        }
        return suffix.replace('_', ' ');
    }

    /** How a statistic reads on the axis. */
    static String statisticLabel(String statistic) {
        return switch (statistic) {
            case "mean" -> "mean";
            case "median", "p50" -> "median";
            case "max" -> "worst";
            case "p999" -> "99.9th pct";
            default -> statistic.substring(1) + "th pct";
        };
    }

    /** A label without its trailing note in parentheses. */
    static String base(String label) {
        return TRAILING_NOTE.matcher(label).replaceFirst("").strip();
    }

    private static Optional<String> note(String label) {
        Matcher m = TRAILING_NOTE.matcher(label);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
