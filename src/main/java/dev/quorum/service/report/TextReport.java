package dev.quorum.service.report;

import dev.quorum.io.SourcePosition;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Severity;
import java.util.List;

/** Findings as compiler-style lines, {@code file:line:col: severity: message [rule]}, then a count. */
public final class TextReport {

    private TextReport() {
    }

    /** The whole report. */
    public static String render(List<FileFindings> files) {
        StringBuilder out = new StringBuilder();
        int[] counts = new int[Severity.values().length];
        for (FileFindings f : files) {
            for (Finding finding : f.findings()) {
                SourcePosition pos = f.position(finding);
                counts[finding.severity().ordinal()]++;
                out.append(f.path()).append(':').append(pos.line()).append(':').append(pos.column()).append(": ")
                        .append(finding.severity().id()).append(": ");
                out.append(finding.message()).append(" [").append(finding.ruleId()).append("]\n");
                if (!finding.fix().isBlank()) {
                    out.append("    fix: ").append(finding.fix().replace("\n", "\n         ")).append('\n');
                }
            }
        }
        out.append(counts[0]).append(counts[0] == 1 ? " error, " : " errors, ")
                .append(counts[1]).append(counts[1] == 1 ? " warning, " : " warnings, ")
                .append(counts[2]).append(counts[2] == 1 ? " info" : " infos")
                .append(" in ").append(files.size()).append(files.size() == 1 ? " file\n" : " files\n");
        return out.toString();
    }
}
