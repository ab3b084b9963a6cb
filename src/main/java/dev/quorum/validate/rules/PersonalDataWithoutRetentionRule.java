package dev.quorum.validate.rules;

import dev.quorum.model.DataElement;
import dev.quorum.model.DataLifecycle;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reports personal data that no retention or deletion rule covers. */
public final class PersonalDataWithoutRetentionRule extends AbstractRule {

    static final Pattern PERSONAL = Pattern.compile(
            "\\busers?\\b|\\bcustomers?\\b|\\be-?mails?\\b|\\bphones?\\b|\\bphone numbers?\\b|\\baddress(?:es)?\\b"
                    + "|\\b(?:full|first|last|real|display|legal|customer|user|patient) names?\\b|\\bsurnames?\\b"
                    + "|\\blocations?\\b|\\bgps\\b|\\bpatients?\\b|\\bpii\\b|\\bpersonal\\b|\\bdate of birth\\b|\\bbirth ?dates?\\b"
                    + "|\\bssn\\b|\\bpassports?\\b|\\bip address\\w*",
            Pattern.CASE_INSENSITIVE);
    static final Pattern GENERAL_POLICY = Pattern.compile(
            "\\bpersonal (?:data|information)\\b|\\bpii\\b|\\bgdpr\\b|\\bprivacy\\b|\\berasure\\b|\\banonymi[sz]\\w*"
                    + "|\\bright to be forgotten\\b|\\bpseudonymi[sz]\\w*",
            Pattern.CASE_INSENSITIVE);

    public PersonalDataWithoutRetentionRule() {
        super("lifecycle.personal-data-without-retention", Severity.WARNING, RuleCategory.LIFECYCLE,
                "Personal data has no retention or deletion rule.",
                "Data protection law (GDPR art. 5(1)(e), storage limitation) requires personal data to be kept no longer "
                        + "than needed, so each kind of personal data needs a stated retention and a way to erase it. "
                        + "The check looks for the element's name in the retention policy or deletion rule, or a general "
                        + "personal-data (GDPR, erasure, anonymisation) policy.",
                "data_elements: [{name: Driver locations, description: GPS pings}]\nretention_policy: Orders are kept 10 years.",
                "retention_policy: Orders are kept 10 years. Driver locations are deleted 30 days after the delivery.");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        DataLifecycle l = context.design().lifecycle();
        String policy = DesignProse.join(l.retentionPolicy(), l.deletion().description());
        if (GENERAL_POLICY.matcher(policy).find()) {
            return;
        }
        String normPolicy = DesignProse.norm(policy);
        List<DataElement> elements = context.design().persistence().dataElements();
        for (int i = 0; i < elements.size(); i++) {
            DataElement e = elements.get(i);
            if (e.name().isBlank()) {
                continue;
            }
            String hit = DesignProse.firstMatch(PERSONAL, DesignProse.join(e.name(), e.description()));
            if (hit == null || DesignProse.mentionsName(normPolicy, e.name())) {
                continue;
            }
            sink.report(Location.item("lifecycle", "data element " + DesignProse.q(e.name()), "lifecycle.retention_policy"),
                    "data element " + DesignProse.q(e.name()) + " looks personal (" + hit.toLowerCase(Locale.ROOT)
                            + ") but lifecycle.retention_policy and deletion do not say how long it is kept",
                    "State how long " + e.name().strip() + " is kept and how it is erased or anonymised (for example "
                            + "'deleted 30 days after account closure'), or add a personal-data (GDPR) retention policy.");
        }
    }
}
