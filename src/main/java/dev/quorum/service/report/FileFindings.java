package dev.quorum.service.report;

import dev.quorum.io.DesignFile;
import dev.quorum.io.SourcePosition;
import dev.quorum.validate.Finding;
import java.util.List;

/** The findings of one design file, with the file as read so findings can be placed on its lines. */
public record FileFindings(String path, DesignFile file, List<Finding> findings) {

    public FileFindings {
        findings = List.copyOf(findings);
    }

    /**
     * The line and column in the YAML file where a finding points. A finding inside a multi-line field
     * (a line of the SQL) lands on that line of the literal block, which starts on the line after its key.
     */
    public SourcePosition position(Finding finding) {
        SourcePosition key = file.positionOf(finding.location().path());
        if (key.line() == 0) {
            return new SourcePosition(1, 1);
        }
        int textLine = finding.location().textLine();
        if (textLine > 0) {
            return new SourcePosition(key.line() + textLine, 1);
        }
        return key;
    }
}
