package dev.quorum.validate.rules;

import dev.quorum.model.Design;
import dev.quorum.model.NodeRole;
import dev.quorum.model.SharedData;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.TopologyNode;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reports sessions kept in each server's memory while several servers share the traffic. */
public final class LocalSessionsBehindLoadBalancerRule extends AbstractRule {

    private static final Pattern SESSION = Pattern.compile("\\bsessions?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL = Pattern.compile(
            "\\bin[- ]process\\b|\\bin[- ]memory\\b|\\blocal (?:process )?memory\\b|\\bserver(?:'s)? memory\\b"
                    + "|\\bprocess memory\\b|\\bmemory of (?:each|every|the)\\b|\\bmemorystore\\b|\\bmemory ?store\\b"
                    + "|\\bhttpsession\\b|\\bin the heap\\b|\\blocal (?:session )?store\\b|\\bnot synchroni[sz]ed\\b"
                    + "|\\bkeeps? (?:its|their) own sessions\\b",
            Pattern.CASE_INSENSITIVE);
    /** Stores every server can reach, or sessions that need no server state at all. */
    private static final Pattern SHARED = Pattern.compile(
            "\\bredis\\b|\\bvalkey\\b|\\bkeydb\\b|\\bmemcache|\\bhazelcast\\b|\\bdynamodb\\b|\\bpostgres|\\bmysql\\b|\\bjdbc\\b"
                    + "|\\bspring session\\b|\\belasticache\\b|\\bmongo|\\bcassandra\\b|\\binfinispan\\b|\\bignite\\b"
                    + "|\\bcentral|\\bshared (?:session )?store\\b|\\bsigned cookies?\\b|\\bjwt\\b|\\bstateless\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEVERAL = Pattern.compile(
            "\\bload[- ]balanc\\w*|\\bround[- ]robin\\b"
                    + "|\\b(?:[2-9]|[1-9]\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|many)"
                    + "\\s+(?:[\\w.-]+\\s+){0,2}(?:servers|instances|pods|containers)\\b"
                    + "|\\b(?:servers|instances|pods)\\s*[x×]\\s*(?:[2-9]|[1-9]\\d+)\\b",
            Pattern.CASE_INSENSITIVE);

    public LocalSessionsBehindLoadBalancerRule() {
        super("lesson.local-sessions-behind-load-balancer", Severity.ERROR, RuleCategory.LESSON,
                "Sessions live in each server's memory while several servers take the traffic.",
                "Scenario guide: State Trap. A user logs in on server A; the load balancer sends the next request to "
                        + "server B, which has no session, and the user is logged out (and every deploy or crash logs "
                        + "everyone out). Keep servers stateless: sessions in a shared store such as Redis, or in signed "
                        + "tokens. Several servers means two or more application nodes in the topology, or text such as "
                        + "'load balancer', 'round robin' or '6 API servers'.",
                "sessions: In-process memory of each API server (express-session MemoryStore); 6 servers behind a load balancer",
                "sessions: Redis 7 (shared by all API servers, 30 min sliding TTL)");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design d = context.design();
        String[] several = several(context);
        if (several == null) {
            return;
        }
        Location at = null;
        String evidence = null;
        List<StorageChoice> storage = d.persistence().storageChoices();
        for (int i = 0; i < storage.size() && at == null; i++) {
            StorageChoice s = storage.get(i);
            if (!SESSION.matcher(s.data()).find()) {
                continue;
            }
            if (SHARED.matcher(s.system()).find()) {
                continue;
            }
            String[][] fields = {{"system", s.system()}, {"access_patterns", s.accessPatterns()}, {"justification", s.justification()}};
            for (String[] f : fields) {
                Matcher m = LessonTexts.affirmed(LOCAL, f[1]);
                if (m != null) {
                    at = Location.item("persistence", "storage for '" + s.data().strip() + "'",
                            "persistence.storage_choices[" + i + "]." + f[0]);
                    evidence = LessonTexts.excerpt(f[1], m.start(), m.end());
                    break;
                }
            }
        }
        List<SharedData> shared = d.sharing().sharedData();
        for (int i = 0; i < shared.size() && at == null; i++) {
            SharedData s = shared.get(i);
            if (!SESSION.matcher(s.data()).find() || SHARED.matcher(s.synchronization()).find()) {
                continue;
            }
            Matcher m = LessonTexts.affirmed(LOCAL, s.synchronization());
            if (m != null && !sharedElsewhere(d, s.data())) {
                at = Location.item("sharing", "shared data '" + s.data().strip() + "'", "sharing.shared_data[" + i + "].synchronization");
                evidence = LessonTexts.excerpt(s.synchronization(), m.start(), m.end());
            }
        }
        if (at == null) {
            return;
        }
        sink.report(at,
                "sessions are kept in each server's own memory (" + evidence + ") while the design runs several servers ("
                        + several[0] + " in " + several[1] + "): a request routed to another server finds no session",
                "Move sessions to a shared store every server reads (for example Redis with a sliding TTL, or the "
                        + "database), or use signed stateless tokens; do not rely on sticky sessions, which still lose "
                        + "every session of a server that restarts.");
    }

    /** True when a storage choice for the same data names a shared store. */
    private static boolean sharedElsewhere(Design d, String data) {
        for (StorageChoice s : d.persistence().storageChoices()) {
            if (QueryFacts.sameName(LessonTexts.norm(s.data()), LessonTexts.norm(data)) && SHARED.matcher(s.system()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The evidence that several servers serve requests, as {what, where}, or null. */
    private static String[] several(DesignContext context) {
        Design d = context.design();
        int apps = 0;
        for (TopologyNode n : d.replication().topology().nodes()) {
            if (n.role() == NodeRole.APPLICATION) {
                apps++;
            }
        }
        if (apps >= 2) {
            return new String[] {apps + " application nodes", "replication.topology.nodes"};
        }
        for (LessonTexts.Field f : LessonTexts.fields(context)) {
            if (!LessonTexts.mayFind(SEVERAL, f.text())) {
                continue;
            }
            Matcher m = SEVERAL.matcher(f.text());
            if (m.find()) {
                return new String[] {"\"" + m.group().strip() + "\"", f.path()};
            }
        }
        return null;
    }
}
