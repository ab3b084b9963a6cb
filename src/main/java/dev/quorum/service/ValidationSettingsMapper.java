package dev.quorum.service;

import dev.quorum.model.Design;
import dev.quorum.model.RuleLevel;
import dev.quorum.model.RuleSetting;
import dev.quorum.validate.Severity;
import dev.quorum.validate.Thresholds;
import dev.quorum.validate.ValidationConfig;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Turns a design's own rule settings into the engine's config. */
final class ValidationSettingsMapper {

    private ValidationSettingsMapper() {
    }

    static ValidationConfig config(Design design) {
        Set<String> disabled = new HashSet<>();
        Map<String, Severity> severities = new HashMap<>();
        for (RuleSetting s : design.validation().rules()) {
            String id = s.rule().strip();
            if (id.isEmpty() || s.level() == null) {
                continue;
            }
            if (s.level() == RuleLevel.OFF) {
                disabled.add(id);
            } else {
                severities.put(id, Severity.valueOf(s.level().name()));
            }
        }
        return new ValidationConfig(disabled, severities, Thresholds.DEFAULT);
    }
}
