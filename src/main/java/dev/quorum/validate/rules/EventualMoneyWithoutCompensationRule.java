package dev.quorum.validate.rules;

import dev.quorum.model.ConsistencyModel;
import dev.quorum.model.DataElement;
import dev.quorum.model.Design;
import dev.quorum.model.SharedData;
import dev.quorum.model.SyncStrategy;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reports money-like or unique data kept only eventually consistent with no compensation named. */
public final class EventualMoneyWithoutCompensationRule extends AbstractRule {

    private static final Pattern EVENTUAL = Pattern.compile("\\beventual\\w*", Pattern.CASE_INSENSITIVE);
    static final Pattern MONEY_OR_UNIQUE = Pattern.compile(
            "\\b(?:account )?balances?\\b|\\bwallets?\\b|\\bpayments?\\b|\\bpayouts?\\b|\\binventory\\b|\\bstock\\b"
                    + "|\\bportions?[_ ]left\\b|\\bseats? (?:left|available)\\b|\\busernames?\\b"
                    + "|\\bunique (?:e-?mails?|usernames?|handles?|logins?)\\b|\\be-?mail uniqueness\\b|\\buniqueness\\b",
            Pattern.CASE_INSENSITIVE);
    static final Pattern COMPENSATION = Pattern.compile(
            "\\bcompensat\\w*|\\bsagas?\\b|\\breconcil\\w*|\\breservations?\\b|\\breserv(?:e|es|ed|ing)\\b|\\bledgers?\\b"
                    + "|\\brefund\\w*|\\bunique (?:constraint|index)\\w*|\\bescrow\\b",
            Pattern.CASE_INSENSITIVE);

    public EventualMoneyWithoutCompensationRule() {
        super("consistency.eventual-money-without-compensation", Severity.WARNING, RuleCategory.CONSISTENCY,
                "Money, stock or unique data is only eventually consistent, and nothing compensates for conflicts.",
                "Eventually consistent copies of a balance or a stock count let two regions spend the same money or sell "
                        + "the last item twice. The usual cures are a reservation or ledger on one primary, or a saga that "
                        + "compensates and a reconciliation that finds the damage (Scenario guide: Ghost Payment; Garcia-Molina "
                        + "and Salem, Sagas).",
                "shared_data: [{data: Wallet balance, synchronization: async multi-primary, eventually consistent}]",
                "synchronization: Wallet debits are ledger rows on the customer's home primary; a nightly reconciliation refunds any double spend.");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design design = context.design();
        if (hasCompensation(design)) {
            return;
        }
        ConsistencyModel model = design.consistency().model();
        if (model == ConsistencyModel.EVENTUAL || model == ConsistencyModel.CAUSAL) {
            List<String> found = new ArrayList<>();
            for (DataElement e : design.persistence().dataElements()) {
                String hit = DesignProse.firstMatch(MONEY_OR_UNIQUE, DesignProse.join(e.name(), e.description()));
                if (hit != null) {
                    found.add(e.name().strip() + " (" + hit.toLowerCase(Locale.ROOT) + ")");
                }
            }
            for (SharedData row : design.sharing().sharedData()) {
                String hit = DesignProse.firstMatch(MONEY_OR_UNIQUE, row.data());
                if (hit != null) {
                    found.add(row.data().strip() + " (" + hit.toLowerCase(Locale.ROOT) + ")");
                }
            }
            if (!found.isEmpty()) {
                sink.report(Location.field("consistency", "consistency.model"),
                        "consistency.model is " + model.id() + " for data that holds money or must stay unique: "
                                + String.join(", ", found) + "; no compensation, reconciliation or reservation is named",
                        fix());
            }
            return;
        }
        boolean reported = false;
        List<SharedData> rows = design.sharing().sharedData();
        for (int i = 0; i < rows.size(); i++) {
            SharedData row = rows.get(i);
            if (!EVENTUAL.matcher(row.synchronization()).find()) {
                continue;
            }
            String hit = DesignProse.firstMatch(MONEY_OR_UNIQUE, DesignProse.join(row.data(), row.whyShared(), row.synchronization()));
            if (hit == null) {
                continue;
            }
            reported = true;
            sink.report(Location.item("sharing", "shared data " + DesignProse.q(row.data()),
                            "sharing.shared_data[" + i + "].synchronization"),
                    "shared data " + DesignProse.q(row.data()) + " (" + hit.toLowerCase(Locale.ROOT)
                            + ") is kept eventually consistent, and no compensation, reconciliation or reservation is named",
                    fix());
        }
        if (reported) {
            return;
        }
        List<SyncStrategy> strategies = design.sharing().strategies();
        for (int i = 0; i < strategies.size(); i++) {
            SyncStrategy s = strategies.get(i);
            String text = DesignProse.join(s.name(), s.description());
            Matcher eventual = EVENTUAL.matcher(text);
            String hit = DesignProse.firstMatch(MONEY_OR_UNIQUE, text);
            if (!eventual.find() || hit == null) {
                continue;
            }
            sink.report(Location.item("sharing", "sync strategy " + DesignProse.q(s.name()),
                            "sharing.strategies[" + i + "].description"),
                    "sync strategy " + DesignProse.q(s.name()) + " keeps " + hit.toLowerCase(Locale.ROOT)
                            + " eventually consistent, and no compensation, reconciliation or reservation is named",
                    fix());
        }
    }

    private static boolean hasCompensation(Design design) {
        List<String> texts = new ArrayList<>();
        texts.add(design.consistency().justification());
        texts.add(design.consistency().implementation());
        texts.add(design.concurrency().writes().handling());
        texts.add(design.concurrency().readWrite().handling());
        for (SharedData row : design.sharing().sharedData()) {
            texts.add(row.synchronization());
        }
        for (SyncStrategy s : design.sharing().strategies()) {
            texts.add(s.description());
            texts.add(s.conflictResolution());
        }
        return DesignProse.findsAffirmed(COMPENSATION, DesignProse.join(texts.toArray(String[]::new)));
    }

    private static String fix() {
        return "Keep balances and stock on one primary (reserve or debit there, as ledger rows), enforce uniqueness with a "
                + "unique constraint on the primary, or name the compensation: a saga that refunds or releases, and a "
                + "reconciliation job that finds divergence.";
    }
}
