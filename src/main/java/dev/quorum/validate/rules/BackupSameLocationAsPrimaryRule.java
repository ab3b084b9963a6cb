package dev.quorum.validate.rules;

import dev.quorum.model.Datacenter;
import dev.quorum.model.Design;
import dev.quorum.model.NodeRole;
import dev.quorum.model.TopologyNode;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reports backups stored in the same datacenter, zone or host as the primary they protect. */
public final class BackupSameLocationAsPrimaryRule extends AbstractRule {

    private static final Pattern SAME_PLACE = Pattern.compile(
            "\\bsame (?:physical )?(?:server|host|machine|disk|drive|volume|node|instance|zone|availability zone|az|region"
                    + "|data ?cent(?:er|re)|datacenter|rack|site|building|cluster)\\b|\\blocal (?:disk|drive|ssd|volume)s?\\b"
                    + "|\\bon the primary(?:'s)? (?:own )?(?:disk|host|server|volume|machine)\\b"
                    + "|\\b(?:attached to|mounted on) the primary\\b",
            Pattern.CASE_INSENSITIVE);
    /** A sentence that contrasts, negates or describes a warning is not a statement of where backups go. */
    private static final Pattern CONTRAST = Pattern.compile(
            "\\b(?:not|never|no|different|another|other|separate|outside|off-?site|cross-region|away|if|when|while|unless"
                    + "|warn\\w*|refus\\w*|instead|except|than|must not)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ID_LIKE = Pattern.compile("(?=.*[0-9_\\-.])[\\w.\\-]{3,}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern REGION_CODE = Pattern.compile("\\b[a-z]{2,}(?:-[a-z]+)+-?\\d+[a-z]?(?:-[a-z])?\\b");

    public BackupSameLocationAsPrimaryRule() {
        super("backup.same-location-as-primary", Severity.WARNING, RuleCategory.RECOVERY,
                "Backups are stored in the same datacenter, zone or host as the primary.",
                "A backup exists for the day the primary's site is gone. A zone outage, a fire, a lost disk or a "
                        + "compromised account takes a co-located backup with it (the 3-2-1 rule: one copy off-site).",
                "location: a second EBS volume attached to pg-fra, in the same availability zone as the primary",
                "location: S3 bucket in eu-west-1, another region than the eu-central-1 primary, with Object Lock");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design design = context.design();
        String location = design.backup().strategy().location();
        if (location.isBlank()) {
            return;
        }
        Set<String> places = primaryPlaces(design);
        for (String sentence : DesignProse.sentences(location)) {
            if (CONTRAST.matcher(sentence).find()) {
                continue;
            }
            String why = DesignProse.firstMatch(SAME_PLACE, sentence);
            if (why == null) {
                String norm = DesignProse.norm(sentence);
                for (String place : places) {
                    if (DesignProse.hasPhrase(norm, place)) {
                        why = place;
                        break;
                    }
                }
            }
            if (why != null) {
                sink.report(Location.field("backup", "backup.strategy.location"),
                        "the backup location names " + DesignProse.q(why) + ", the same place as the primary: \""
                                + shorten(sentence) + "\"",
                        "Store backups in another zone or region, ideally another account, from the primary (for example "
                                + "an S3 bucket in another region with Object Lock), and say so in backup.strategy.location.");
                return;
            }
        }
    }

    private static Set<String> primaryPlaces(Design design) {
        Set<String> places = new LinkedHashSet<>();
        for (TopologyNode n : design.replication().topology().nodes()) {
            if (n.role() != NodeRole.PRIMARY) {
                continue;
            }
            addId(places, n.id());
            for (Datacenter d : design.replication().topology().datacenters()) {
                if (!d.id().isBlank() && d.id().strip().equalsIgnoreCase(n.datacenter().strip())) {
                    addId(places, d.id());
                    addPlace(places, d.name());
                    Matcher m = REGION_CODE.matcher(d.name().toLowerCase(Locale.ROOT));
                    while (m.find()) {
                        addPlace(places, m.group());
                    }
                }
            }
        }
        return places;
    }

    /** Ids that are plain words ("store", "primary") match ordinary prose, so only ids with digits or dashes count. */
    private static void addId(Set<String> places, String id) {
        if (ID_LIKE.matcher(id.strip()).matches()) {
            addPlace(places, id);
        }
    }

    private static void addPlace(Set<String> places, String place) {
        String p = DesignProse.norm(place);
        // Very short ids ("a", "dc") would match ordinary words.
        if (p.length() >= 3) {
            places.add(p);
        }
    }

    private static String shorten(String sentence) {
        String s = WHITESPACE.matcher(sentence).replaceAll(" ").strip();
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
