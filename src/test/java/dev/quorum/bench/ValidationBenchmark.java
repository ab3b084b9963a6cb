package dev.quorum.bench;

import dev.quorum.model.Design;
import dev.quorum.service.ValidationService;
import dev.quorum.sql.DdlImporter;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Rule;
import dev.quorum.validate.RuleRegistry;
import dev.quorum.validate.Thresholds;
import dev.quorum.validate.ValidationConfig;
import dev.quorum.validate.Validator;
import java.util.Arrays;
import java.util.List;

/**
 * Times a full validation of the large generated design (400 tables, 2,000 columns, 300 queries): parsing
 * the schema and queries plus running every rule, which is what the window does on each keystroke. Also
 * times the parts separately so a regression can be placed. Prints medians over the measured runs.
 *
 * <p>Run: {@code mvn -q -B test-compile && java -cp target/test-classes:target/classes:$(cat cp.txt)
 * dev.quorum.bench.ValidationBenchmark} where cp.txt comes from
 * {@code mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class ValidationBenchmark {

    private ValidationBenchmark() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Design design = LargeDesign.generate(400, 300);
        ValidationService service = new ValidationService();
        List<Finding> findings = service.validate(design);
        Validator validator = new Validator(RuleRegistry.standard());
        int tables = new DdlImporter().importDdl(design.schema().sql(), design.schema().dialect()).tables().size();
        System.out.printf("design: %d tables, %d columns, %d queries; %d rules; %d findings%n", tables,
                tables * 5, design.queries().size(), validator.registry().rules().size(), findings.size());

        for (int i = 0; i < warmup; i++) {
            new ValidationService().validate(design);
            service.validate(edited(design, i));
        }
        double[] cold = new double[runs];
        double[] keystroke = new double[runs];
        double[] queryEdit = new double[runs];
        double[] parse = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            DesignContext.of(design, Thresholds.DEFAULT);
            long t1 = System.nanoTime();
            new ValidationService().validate(design);
            long t2 = System.nanoTime();
            service.validate(edited(design, i));
            long t3 = System.nanoTime();
            service.validate(editedQuery(design, i));
            long t4 = System.nanoTime();
            parse[i] = (t1 - t0) / 1e6;
            cold[i] = (t2 - t1) / 1e6;
            keystroke[i] = (t3 - t2) / 1e6;
            queryEdit[i] = (t4 - t3) / 1e6;
        }
        System.out.printf("cold validation (parse schema and queries, run all rules): median %.1f ms (min %.1f, max %.1f)%n",
                median(cold), min(cold), max(cold));
        System.out.printf("  of which parsing the schema and queries: median %.1f ms%n", median(parse));
        System.out.printf("keystroke in a text field (SQL unchanged, all rules): median %.1f ms (min %.1f, max %.1f)%n",
                median(keystroke), min(keystroke), max(keystroke));
        System.out.printf("keystroke in one query's SQL (one query re-parsed, all rules): median %.1f ms (min %.1f, max %.1f)%n",
                median(queryEdit), min(queryEdit), max(queryEdit));
        System.out.printf("runs: %d measured after %d warm-up%n", runs, warmup);
        slowestRules(validator.registry(), DesignContext.of(design, Thresholds.DEFAULT), runs);
    }

    /** The five rules that take longest on this design, median per run, to show where time goes. */
    private static void slowestRules(RuleRegistry registry, DesignContext ctx, int runs) {
        java.util.Map<String, Double> medians = new java.util.TreeMap<>();
        for (Rule rule : registry.rules()) {
            double[] t = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                rule.check(ctx, (l, m, f) -> { });
                t[i] = (System.nanoTime() - t0) / 1e6;
            }
            medians.put(rule.info().id(), median(t));
        }
        System.out.println("  slowest rules (median ms per run):");
        medians.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.printf("    %-50s %.2f%n", e.getKey(), e.getValue()));
    }

    /** The design after typing one more character into its summary. */
    private static Design edited(Design d, int i) {
        return new Design(d.name(), d.summary() + i, d.persistence(), d.schema(), d.queries(), d.concurrency(), d.sharing(),
                d.consistency(), d.replication(), d.backup(), d.lifecycle());
    }

    /** The design after typing into the first query's SQL. */
    private static Design editedQuery(Design d, int i) {
        java.util.List<dev.quorum.model.Query> qs = new java.util.ArrayList<>(d.queries());
        dev.quorum.model.Query q = qs.get(0);
        qs.set(0, new dev.quorum.model.Query(q.name(), q.purpose(), q.frequency(), q.reason(), q.dataAccessed(),
                q.accessPattern(), q.sql().replace("LIMIT 1", "LIMIT " + (i + 2))));
        return new Design(d.name(), d.summary(), d.persistence(), d.schema(), qs, d.concurrency(), d.sharing(),
                d.consistency(), d.replication(), d.backup(), d.lifecycle());
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
