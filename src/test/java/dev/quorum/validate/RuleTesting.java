package dev.quorum.validate;

import dev.quorum.io.DesignFile;
import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds validation contexts for rule tests and runs single rules on fixture designs. */
public final class RuleTesting {

    /** Where the per-rule fixtures live on the test classpath: {@code fixtures/<rule-id>/triggers.quorum.yaml}. */
    public static final String FIXTURES = "/dev/quorum/validate/fixtures/";

    private RuleTesting() {
    }

    /** The context the engine would build for this design, with the default thresholds. */
    public static DesignContext context(Design design) {
        return context(design, Thresholds.DEFAULT);
    }

    /** The context the engine would build for this design. */
    public static DesignContext context(Design design, Thresholds thresholds) {
        return DesignContext.of(design, thresholds);
    }

    /** The findings one rule reports on a design. */
    public static List<Finding> run(Rule rule, Design design) {
        List<Finding> out = new ArrayList<>();
        rule.check(context(design), (location, message, fix) ->
                out.add(new Finding(rule.info().id(), rule.info().defaultSeverity(), location, message, fix)));
        return out;
    }

    /** Reads a fixture design from the test classpath. */
    public static Design fixture(String ruleId, String name) throws Exception {
        String resource = FIXTURES + ruleId + "/" + name + ".quorum.yaml";
        try (InputStream in = RuleTesting.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing fixture " + resource);
            }
            DesignFile file = new DesignYaml().read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
            return file.design();
        }
    }
}
