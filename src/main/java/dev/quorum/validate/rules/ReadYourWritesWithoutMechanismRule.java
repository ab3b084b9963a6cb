package dev.quorum.validate.rules;

import dev.quorum.model.Consistency;
import dev.quorum.model.ConsistencyModel;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.regex.Pattern;

/** Reports read-your-writes consistency whose implementation names no mechanism that provides it. */
public final class ReadYourWritesWithoutMechanismRule extends AbstractRule {

    static final Pattern MECHANISM = Pattern.compile(
            "\\breads?\\b[^.;\\n]{0,80}\\b(?:primary|leader|master|writer)\\b"
                    + "|\\b(?:primary|leader|master)\\b[^.;\\n]{0,40}\\breads?\\b"
                    + "|\\bstick(?:y|iness)\\b|\\b(?:session|client|node) affinity\\b|\\bpinn(?:ed|ing)\\b"
                    + "|\\blsn\\b|\\bgtid\\b|\\bcausal(?:ity)? tokens?\\b|\\b(?:consistency|session|commit|write) tokens?\\b"
                    + "|\\bversion (?:token|vector|number|check)s?\\b|\\bwait(?:s|ing)? (?:for|until)\\b"
                    + "|\\bread[- ]after[- ]write\\b|\\bmonotonic\\b|\\bsynchronous(?:ly)? replicat\\w*|\\bsync replication\\b"
                    + "|\\bsynchronous_commit\\b|\\bremote_apply\\b|\\bquorum (?:reads?|writes?)\\b"
                    + "|\\b(?:commit|write) (?:timestamp|time|position)\\b|\\bcausal consistency\\b",
            Pattern.CASE_INSENSITIVE);

    public ReadYourWritesWithoutMechanismRule() {
        super("consistency.read-your-writes-without-mechanism", Severity.WARNING, RuleCategory.CONSISTENCY,
                "Read-your-writes consistency is chosen but the implementation names no mechanism that provides it.",
                "With replicas, read-your-writes does not happen by itself: a user's next read must reach a copy that has "
                        + "their write. The usual mechanisms are reading from the primary after a write, sticky sessions, "
                        + "waiting for an LSN/GTID or causal token, or synchronous replication (Kleppmann, DDIA ch. 5, "
                        + "reading your own writes).",
                "consistency: {model: read-your-writes, implementation: Writes go to the primary and replicas catch up.}",
                "implementation: After a write the user's reads go to the primary for 5 s, or until the replica has replayed the commit LSN.");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Consistency c = context.design().consistency();
        if (c.model() != ConsistencyModel.READ_YOUR_WRITES || c.implementation().isBlank()
                || DesignProse.findsAffirmed(MECHANISM, c.implementation())) {
            return;
        }
        sink.report(Location.field("consistency", "consistency.implementation"),
                "consistency.model is read-your-writes, but consistency.implementation names no mechanism that routes "
                        + "a user's reads to a copy holding their writes",
                "Name the mechanism: read from the primary for a window after each write, sticky sessions, wait for the "
                        + "replica to pass the commit LSN/GTID or a causal token, or synchronous replication.");
    }
}
