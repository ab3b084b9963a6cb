package dev.quorum.validate.rules;

import dev.quorum.model.Design;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reports caches whose entries expire after a fixed TTL with nothing to spread or coalesce the refills. */
public final class CacheExpiryWithoutJitterRule extends AbstractRule {

    private static final Pattern CACHE_SYSTEM = Pattern.compile(
            "\\bredis\\b|\\bvalkey\\b|\\bmemcache|\\belasticache\\b|\\bvarnish\\b|\\bcaffeine\\b|\\behcache\\b|\\bhazelcast\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TTL = Pattern.compile(
            "\\bttls?\\b|\\bexpire(?:s|d)?\\b|\\bexpiry\\b|\\bexpiration\\b|\\bmax-age\\b|\\bsetex\\b|\\bex \\d+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SLIDING = Pattern.compile("\\bsliding\\b|\\bidle\\b|\\bafter (?:last )?(?:access|use)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MITIGATION = Pattern.compile(
            "\\bjitter\\w*|\\brandom(?:i[sz]ed|ly)?\\b[^.;]{0,30}\\b(?:ttl|expir\\w*|offset|spread)|\\brandomi[sz]ed\\b"
                    + "|\\bstagger\\w*|\\bspread(?:s|ing)? (?:out )?(?:the )?expir\\w*|\\bcoalesc\\w*|\\bsingle[- ]?flight\\b"
                    + "|\\bearly (?:refresh|recomput\\w*|expiration|re-?validation)\\b|\\brefresh[- ]ahead\\b"
                    + "|\\bprobabilistic (?:early )?(?:refresh|expir\\w*)|\\bxfetch\\b|\\bstale[- ]while[- ]revalidate\\b"
                    + "|\\bsoft ttl\\b|\\bbackground refresh\\b|\\bper-key lock\\b|\\b(?:mutex|lock) on (?:a )?miss\\b"
                    + "|\\bdogpile\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SESSION = Pattern.compile("\\bsessions?\\b", Pattern.CASE_INSENSITIVE);

    public CacheExpiryWithoutJitterRule() {
        super("lesson.cache-expiry-without-jitter", Severity.WARNING, RuleCategory.LESSON,
                "A cache gives entries a fixed TTL and nothing spreads or coalesces their expiry.",
                "Scenario guide: Noon Crash. Entries written together (a warm-up job, a deploy, a promotion going "
                        + "live) expire together, and every request for them misses at the same second and hits the "
                        + "database: the thundering herd. Random jitter on each TTL staggers expiry; request coalescing "
                        + "(single-flight) or early refresh keeps one rebuild per key. A cache is a storage choice of "
                        + "type cache or a Redis/Memcached-like system; sessions with sliding expiry are exempt.",
                "Menu cache: warmed at 11:00 with EXPIRE 3600 for every menu",
                "Menu cache: EXPIRE 3600 + random 0-600 s jitter; one request per key refills (single-flight)");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design d = context.design();
        List<StorageChoice> storage = d.persistence().storageChoices();
        List<LessonTexts.Field> all = LessonTexts.fields(context);
        for (int i = 0; i < storage.size(); i++) {
            StorageChoice s = storage.get(i);
            boolean cache = s.type() == StorageType.CACHE || CACHE_SYSTEM.matcher(s.system()).find()
                    && LessonTexts.hasPhrase(LessonTexts.norm(s.data() + " " + s.system() + " " + s.justification()), "cache");
            if (!cache || SESSION.matcher(s.data()).find()) {
                continue;
            }
            String[][] own = {{"access_patterns", s.accessPatterns()}, {"system", s.system()}, {"justification", s.justification()}};
            String ttlPath = null;
            String ttlText = null;
            for (String[] f : own) {
                Matcher m = LessonTexts.affirmed(TTL, f[1]);
                if (m != null && !SLIDING.matcher(f[1]).find()) {
                    ttlPath = f[0];
                    ttlText = LessonTexts.excerpt(f[1], m.start(), m.end());
                    break;
                }
            }
            boolean mitigated = false;
            for (String[] f : own) {
                mitigated |= LessonTexts.affirmed(MITIGATION, f[1]) != null;
            }
            String product = product(s.system());
            String dataName = LessonTexts.norm(s.data());
            for (LessonTexts.Field f : all) {
                if (mitigated) {
                    break;
                }
                String n = LessonTexts.norm(f.text());
                boolean related = LessonTexts.hasPhrase(n, dataName) || !product.isEmpty() && LessonTexts.hasPhrase(n, product)
                        || LessonTexts.hasPhrase(n, "cache");
                if (!related) {
                    continue;
                }
                mitigated = LessonTexts.affirmed(MITIGATION, f.text()) != null;
                if (ttlText == null && LessonTexts.hasPhrase(n, dataName)) {
                    Matcher m = LessonTexts.affirmed(TTL, f.text());
                    if (m != null && !SLIDING.matcher(f.text()).find()) {
                        ttlText = LessonTexts.excerpt(f.text(), m.start(), m.end());
                    }
                }
            }
            if (ttlText == null || mitigated) {
                continue;
            }
            Location at = Location.item("persistence", "storage for '" + s.data().strip() + "'",
                    "persistence.storage_choices[" + i + "]." + (ttlPath == null ? "access_patterns" : ttlPath));
            sink.report(at,
                    "cache '" + s.data().strip() + "' expires entries on a fixed TTL (" + ttlText + ") and the design names "
                            + "no jitter, staggered expiry or request coalescing: entries written together expire together "
                            + "and their misses reach the database at the same moment",
                    "Add random jitter to every TTL (for example EXPIRE 3600 + a random 0-600 s), and let one request "
                            + "per key rebuild an expired entry (single-flight lock) while others get the stale value.");
        }
    }

    /** The caching product named in the system text, lower-cased, or empty. */
    private static String product(String system) {
        Matcher m = CACHE_SYSTEM.matcher(system);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : "";
    }
}
