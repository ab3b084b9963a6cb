package dev.quorum.ui;

import dev.quorum.model.AccessPattern;
import dev.quorum.model.BackupRecovery;
import dev.quorum.model.BackupStrategy;
import dev.quorum.model.BackupType;
import dev.quorum.model.ConcurrencyAspect;
import dev.quorum.model.ConcurrentAccess;
import dev.quorum.model.Consistency;
import dev.quorum.model.ConsistencyModel;
import dev.quorum.model.DataElement;
import dev.quorum.model.DataLifecycle;
import dev.quorum.model.DataPersistence;
import dev.quorum.model.DataSharing;
import dev.quorum.model.DataSize;
import dev.quorum.model.Datacenter;
import dev.quorum.model.Deletion;
import dev.quorum.model.DeletionMode;
import dev.quorum.model.Design;
import dev.quorum.model.DocumentStructure;
import dev.quorum.model.Duration;
import dev.quorum.model.Failover;
import dev.quorum.model.FailoverMode;
import dev.quorum.model.FlowDiagram;
import dev.quorum.model.FlowEdge;
import dev.quorum.model.FlowNode;
import dev.quorum.model.FlowNodeKind;
import dev.quorum.model.NodeRole;
import dev.quorum.model.Query;
import dev.quorum.model.Rate;
import dev.quorum.model.RecoveryPlan;
import dev.quorum.model.Replication;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.ReplicationMode;
import dev.quorum.model.ReplicationStrategy;
import dev.quorum.model.SchemaDesign;
import dev.quorum.model.SharedData;
import dev.quorum.model.SqlDialect;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import dev.quorum.model.SyncStrategy;
import dev.quorum.model.Topology;
import dev.quorum.model.TopologyNode;
import java.util.List;

/** Designs built in code, so the UI tests depend on no sample file. */
final class TestDesigns {

    static final String SCHEMA_SQL = """
            CREATE TABLE users (
              id BIGINT PRIMARY KEY,
              email VARCHAR(255) NOT NULL UNIQUE
            );
            CREATE TABLE orders (
              id BIGINT PRIMARY KEY,
              user_id BIGINT NOT NULL REFERENCES users(id),
              status VARCHAR(20) NOT NULL
            );
            CREATE INDEX idx_user_orders ON orders(user_id);
            """;

    private TestDesigns() {
    }

    /** A complete design touching every section. */
    static Design complete() {
        return complete("Test shop", "A small shop used by the UI tests.", "Unique e-mail needs a relational store.");
    }

    static Design complete(String name, String summary, String usersJustification) {
        return new Design(name, summary,
                new DataPersistence(
                        List.of(new DataElement("users", "Customer accounts", "Login and ownership", DataSize.of("1 KB per row x 5M rows")),
                                new DataElement("orders", "One row per checkout", "Fulfilment", DataSize.of("600 B per row x 1M rows"))),
                        List.of(new StorageChoice("users", StorageType.RELATIONAL, "PostgreSQL 16", usersJustification,
                                        "Point lookups by e-mail"),
                                new StorageChoice("orders", StorageType.RELATIONAL, "PostgreSQL 16", "Transactions with stock.",
                                        "Insert-heavy, read by user"))),
                new SchemaDesign(SqlDialect.POSTGRESQL, SCHEMA_SQL,
                        List.of(new DocumentStructure("user_profiles", "{\n  \"user_id\": 42,\n  \"bio\": \"hello\"\n}"))),
                List.of(new Query("orders by user", "Order history page", Rate.of("200/s"), "Customers look at their orders",
                                List.of("orders"), AccessPattern.READ_HEAVY,
                                "SELECT id, status FROM orders WHERE user_id = ? ORDER BY id DESC LIMIT 20"),
                        new Query("place order", "Checkout", Rate.of("1,500 orders/min"), "Revenue", List.of("orders", "users"),
                                AccessPattern.WRITE_HEAVY, "INSERT INTO orders (id, user_id, status) VALUES (?, ?, 'new')")),
                new ConcurrentAccess(
                        new ConcurrencyAspect("Many pods read the catalogue", "No", "Replicas and cache"),
                        new ConcurrencyAspect("Two checkouts for the last item", "Yes, overselling", "SELECT ... FOR UPDATE"),
                        new ConcurrencyAspect("Reads during checkout", "Minor", "READ COMMITTED with MVCC")),
                new DataSharing(
                        List.of(new SharedData("sessions", List.of("api", "worker"), "Any pod serves any user", "Redis")),
                        List.of(new SyncStrategy("change data capture", "Debezium streams changes", List.of("db", "cache"),
                                Duration.of("continuous"), "Last writer wins")),
                        new FlowDiagram(
                                List.of(new FlowNode("api", "API pods", FlowNodeKind.COMPONENT),
                                        new FlowNode("db", "PostgreSQL", FlowNodeKind.DATABASE)),
                                List.of(new FlowEdge("api", "db", "writes orders")))),
                new Consistency(ConsistencyModel.READ_YOUR_WRITES, "Customers must see their own orders.",
                        "Reads of one's own orders go to the primary."),
                new Replication(ReplicationStrategy.PRIMARY_REPLICA,
                        new Topology(
                                List.of(new Datacenter("dc1", "Frankfurt"), new Datacenter("dc2", "Dublin")),
                                List.of(new TopologyNode("pg-primary", "PostgreSQL primary", NodeRole.PRIMARY, "dc1"),
                                        new TopologyNode("pg-replica", "PostgreSQL replica", NodeRole.REPLICA, "dc2")),
                                List.of(new ReplicationLink("pg-primary", "pg-replica", ReplicationMode.ASYNC, Duration.of("200 ms")))),
                        Duration.of("< 1 s"),
                        new Failover(FailoverMode.AUTOMATIC, Duration.of("30 s"), Duration.of("1 min"), "Patroni promotes the replica.")),
                new BackupRecovery(
                        new BackupStrategy(Duration.of("daily"), "S3 in another region", Duration.of("30 days"), BackupType.FULL, true),
                        new RecoveryPlan(Duration.of("1 h"), Duration.of("15 min"), "Restore the base backup, replay WAL.",
                                Duration.of("quarterly"))),
                new DataLifecycle("Orders are created at checkout.", "Status changes as the order ships.",
                        "Orders older than 2 years move to cold storage.",
                        new Deletion(DeletionMode.SOFT, "Accounts are soft-deleted with deleted_at."),
                        "Orders are kept for tax law.", Duration.of("7 years")));
    }
}
