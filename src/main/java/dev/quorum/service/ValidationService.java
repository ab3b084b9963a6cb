package dev.quorum.service;

import dev.quorum.model.Design;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.Finding;
import dev.quorum.validate.RuleRegistry;
import dev.quorum.validate.SqlCache;
import dev.quorum.validate.ValidationConfig;
import dev.quorum.validate.Validator;
import java.util.List;

/**
 * Validates designs with the standard rules; the window calls it on every edit, the CLI once per file.
 * It keeps the last schema parse, so an edit that leaves the SQL alone does not pay for parsing it again.
 */
public final class ValidationService {

    private final Validator validator;
    private final SqlCache sqlCache = new SqlCache();

    public ValidationService() {
        this(RuleRegistry.standard());
    }

    public ValidationService(RuleRegistry registry) {
        this.validator = new Validator(registry);
    }

    /** The rules this service runs. */
    public RuleRegistry registry() {
        return validator.registry();
    }

    /** Every finding on the design under its own settings, most severe first. */
    public List<Finding> validate(Design design) {
        return validate(design, ValidationSettingsMapper.config(design));
    }

    /** Every finding on the design under the given settings, most severe first. */
    public List<Finding> validate(Design design, ValidationConfig config) {
        return validator.validate(DesignContext.of(design, config.thresholds(), sqlCache), config);
    }
}
