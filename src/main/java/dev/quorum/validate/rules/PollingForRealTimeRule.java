package dev.quorum.validate.rules;

import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reports real-time or live data that clients obtain by polling. */
public final class PollingForRealTimeRule extends AbstractRule {

    private static final Pattern POLL = Pattern.compile(
            "\\b(?:long[- ])?poll(?:s|ing|ed)?\\b"
                    + "|\\brefresh(?:es|ed|ing)?\\s+(?:\\w+\\s+){0,3}every\\s+\\d+(?:\\.\\d+)?\\s*(?:ms|s|secs?|seconds?)\\b"
                    + "|\\bevery\\s+\\d+(?:\\.\\d+)?\\s*(?:ms|s|secs?|seconds?)\\b[^.;\\n]{0,30}\\brefresh\\w*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REAL_TIME = Pattern.compile(
            "\\breal[- ]?time\\b|\\binstant(?:ly)?\\b|\\bas it happens\\b"
                    + "|\\blive\\s+(?:tracking|scores?|updates?|map|positions?|locations?|feeds?|data|status|view|dashboards?"
                    + "|match(?:es)?|games?|events?|orders?|prices?|chat)\\b"
                    + "|\\b(?:follow|track|watch)\\w*\\s+(?:[\\w-]+\\s+){0,4}live\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FALLBACK = Pattern.compile(
            "\\bfall(?:s|ing)?\\s*back\\b|\\bfallback\\b|\\bif the (?:websocket|socket|connection|stream)\\b",
            Pattern.CASE_INSENSITIVE);

    public PollingForRealTimeRule() {
        super("lesson.polling-for-real-time", Severity.WARNING, RuleCategory.LESSON,
                "Data the design calls real-time or live is fetched by polling.",
                "Scenario guide: Live Score. Polling is late by up to one interval and multiplies load: 6,000 screens "
                        + "polling every 3 s are 2,000 queries/s that almost always return nothing new. WebSockets or "
                        + "Server-Sent Events keep one connection open and push each change as it happens. Reported "
                        + "per item (query, strategy, storage choice...) that both polls and calls its data real-time or "
                        + "live; polling named as a fallback for a dropped push connection is fine.",
                "Real-time order tracking: the app polls GET /orders/{id}/status every 3 s",
                "Real-time order tracking: status changes are pushed over a WebSocket (SSE as fallback)");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        for (LessonTexts.Item item : LessonTexts.items(context)) {
            String all = item.text();
            if (!LessonTexts.mayFind(REAL_TIME, all)) {
                continue;
            }
            Matcher live = REAL_TIME.matcher(all);
            if (!live.find()) {
                continue;
            }
            String liveText = live.group().strip();
            // A name like "Order status poll" is weaker evidence than the sentence that says what polls.
            List<LessonTexts.Field> fields = new ArrayList<>(item.fields());
            fields.sort(Comparator.comparing(f -> f.path().endsWith(".name")));
            for (LessonTexts.Field f : fields) {
                Matcher poll = LessonTexts.affirmed(POLL, f.text());
                if (poll == null || fallback(f.text(), poll.start())) {
                    continue;
                }
                sink.report(f.location(),
                        item.item() + " calls its data \"" + liveText + "\" but polls ("
                                + LessonTexts.excerpt(f.text(), poll.start(), poll.end()) + "): updates arrive up to one "
                                + "interval late and most polls return nothing new",
                        "Push changes instead: WebSockets or Server-Sent Events fed by a pub/sub channel (for example "
                                + "Redis pub/sub or Kafka) that the writer publishes to on every change; keep polling only "
                                + "as a slow fallback when the connection drops.");
                break;
            }
        }
    }

    private static boolean fallback(String text, int at) {
        int from = Math.max(0, at - 60);
        return FALLBACK.matcher(text.substring(from, Math.min(text.length(), at + 20))).find();
    }
}
