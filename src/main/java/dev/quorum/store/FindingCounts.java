package dev.quorum.store;

/** How many validation findings a revision had when it was saved, by severity. */
public record FindingCounts(int errors, int warnings, int infos) {

    public FindingCounts {
        if (errors < 0 || warnings < 0 || infos < 0) {
            throw new IllegalArgumentException("finding counts cannot be negative");
        }
    }

    /** All findings together. */
    public int total() {
        return errors + warnings + infos;
    }

    /** "2 errors, 1 warning", "clean" when there are none; infos are left out as they are not problems. */
    public String describe() {
        if (errors == 0 && warnings == 0) {
            return infos == 0 ? "clean" : infos + (infos == 1 ? " note" : " notes");
        }
        StringBuilder s = new StringBuilder();
        if (errors > 0) {
            s.append(errors).append(errors == 1 ? " error" : " errors");
        }
        if (warnings > 0) {
            s.append(s.length() > 0 ? ", " : "").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        }
        return s.toString();
    }
}
