package dev.quorum.model;

import java.util.List;

/** One entry of "Database Queries": what a query does, how often, on which data, and its SQL. */
public record Query(
        String name,
        String purpose,
        Rate frequency,
        String reason,
        List<String> dataAccessed,
        AccessPattern accessPattern,
        String sql) {

    public Query {
        name = Values.text(name);
        purpose = Values.text(purpose);
        frequency = frequency == null ? Rate.UNSPECIFIED : frequency;
        reason = Values.text(reason);
        dataAccessed = Values.list(dataAccessed);
        sql = Values.text(sql);
    }
}
