package dev.quorum.ui.simulation;

import dev.quorum.sim.scenarios.Unit;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/** Builds JavaFX charts from the chart data of {@link ResultCharts}, with axes that read in the data's units. */
public final class ChartNodes {

    private ChartNodes() {
    }

    /** A line chart over time, one line per series, without animation so a re-run redraws at once. */
    public static LineChart<Number, Number> line(ResultCharts.LineChartData data) {
        return line(data, false);
    }

    /** A line chart whose lines run from the naive design to the fix when {@code naiveToFix}, coloured as the bars are. */
    public static LineChart<Number, Number> line(ResultCharts.LineChartData data, boolean naiveToFix) {
        NumberAxis x = new NumberAxis();
        x.setLabel("time");
        x.setForceZeroInRange(false);
        x.setTickLabelFormatter(converter(Unit.SECONDS));
        NumberAxis y = axis(data.unit());
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(data.title());
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        for (ResultCharts.Line line : data.lines()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(line.name());
            for (ResultCharts.Point p : line.points()) {
                s.getData().add(new XYChart.Data<>(p.x(), p.y()));
            }
            chart.getData().add(s);
        }
        chart.setLegendVisible(data.lines().size() > 1);
        chart.getStyleClass().add("result-chart");
        if (naiveToFix && data.lines().size() >= 2 && data.lines().size() <= 4) {
            chart.getStyleClass().addAll("naive-to-fix", "bars-" + data.lines().size());
        }
        chart.setPrefSize(520, 280);
        chart.setMinSize(260, 240);
        return chart;
    }

    /** A bar chart: categories along the axis, one bar per series in each. */
    public static BarChart<String, Number> bars(ResultCharts.BarChartData data) {
        return bars(data, false);
    }

    /**
     * A bar chart whose series run from the naive design to the fix when {@code naiveToFix}: the first is coloured as
     * the problem, the last as the fix, so before and after read at a glance.
     */
    public static BarChart<String, Number> bars(ResultCharts.BarChartData data, boolean naiveToFix) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = axis(data.unit());
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setTitle(data.title());
        chart.setAnimated(false);
        chart.setBarGap(2);
        chart.setCategoryGap(data.categories().size() == 1 ? 40 : 14);
        for (ResultCharts.BarSeries series : data.series()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(series.name());
            for (int i = 0; i < data.categories().size(); i++) {
                double v = series.values().get(i);
                if (Double.isFinite(v)) {
                    s.getData().add(new XYChart.Data<>(data.categories().get(i), v));
                }
            }
            chart.getData().add(s);
        }
        // A single category needs no label under it: the title says what the bars measure.
        x.setTickLabelsVisible(data.categories().size() > 1);
        chart.getStyleClass().add("result-chart");
        if (naiveToFix && data.series().size() >= 2 && data.series().size() <= 4) {
            chart.getStyleClass().addAll("naive-to-fix", "bars-" + data.series().size());
        }
        chart.setPrefSize(data.categories().size() == 1 ? 400 : 520, 280);
        // A narrow window wraps and narrows the charts rather than scrolling sideways.
        chart.setMinSize(260, 240);
        return chart;
    }

    private static NumberAxis axis(Unit unit) {
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setTickLabelFormatter(converter(unit));
        return y;
    }

    private static StringConverter<Number> converter(Unit unit) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : unit.format(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return unit.parse(s);
            }
        };
    }
}
