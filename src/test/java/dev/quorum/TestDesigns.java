package dev.quorum;

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

/** Designs built in code for tests, so tests do not depend on the sample files. */
public final class TestDesigns {

    private TestDesigns() {
    }

    /** A small design with every required field filled in. */
    public static Design complete() {
        return new Design(
                "Shop",
                "A small web shop.\nOrders must never be lost.\n",
                new DataPersistence(
                        List.of(new DataElement("users", "Registered customers", "Log-in and order history", DataSize.of("1 KB per row x 1M rows")),
                                new DataElement("orders", "Placed orders", "Fulfilment and accounting", DataSize.of("~5 GB"))),
                        List.of(new StorageChoice("users", StorageType.RELATIONAL, "PostgreSQL 16", "Relations and constraints.", "Read-heavy by id."),
                                new StorageChoice("orders", StorageType.RELATIONAL, "PostgreSQL 16", "Transactions.", "Insert once, read by user."))),
                new SchemaDesign(SqlDialect.POSTGRESQL,
                        "CREATE TABLE users (\n  user_id UUID PRIMARY KEY,\n  email VARCHAR(255) UNIQUE NOT NULL\n);\n"
                                + "CREATE TABLE orders (\n  order_id UUID PRIMARY KEY,\n  user_id UUID NOT NULL REFERENCES users(user_id)\n);\n"
                                + "CREATE INDEX idx_user_orders ON orders(user_id);\n",
                        List.of(new DocumentStructure("profiles", "{\n  \"_id\": \"user123\",\n  \"bio\": \"...\"\n}\n"))),
                List.of(new Query("orders by user", "List a user's orders.", Rate.of("200/s"), "Order history page.",
                        List.of("orders"), AccessPattern.READ_HEAVY,
                        "SELECT order_id FROM orders WHERE user_id = ? ORDER BY order_id LIMIT 20;")),
                new ConcurrentAccess(
                        new ConcurrencyAspect("Yes, web and reports.", "No.", "MVCC."),
                        new ConcurrencyAspect("Yes, checkout.", "Yes, stock.", "Row locks."),
                        new ConcurrencyAspect("Always.", "Some.", "Read committed.")),
                new DataSharing(
                        List.of(new SharedData("orders", List.of("web", "fulfilment"), "Both act on orders.", "Outbox events.")),
                        List.of(new SyncStrategy("outbox", "Events from an outbox table.", List.of("web", "fulfilment"),
                                Duration.of("continuous"), "Order id is the key; last state wins.")),
                        new FlowDiagram(
                                List.of(new FlowNode("web", "Web app", FlowNodeKind.COMPONENT),
                                        new FlowNode("db", "PostgreSQL", FlowNodeKind.DATABASE)),
                                List.of(new FlowEdge("web", "db", "Write")))),
                new Consistency(ConsistencyModel.STRONG, "Money.", "All reads and writes on the primary."),
                new Replication(ReplicationStrategy.PRIMARY_REPLICA,
                        new Topology(List.of(new Datacenter("dc1", "Primary Datacenter"), new Datacenter("dc2", "Secondary Datacenter")),
                                List.of(new TopologyNode("pg1", "PostgreSQL primary", NodeRole.PRIMARY, "dc1"),
                                        new TopologyNode("pg2", "PostgreSQL standby", NodeRole.STANDBY, "dc2")),
                                List.of(new ReplicationLink("pg1", "pg2", ReplicationMode.SYNC, Duration.of("0")))),
                        Duration.of("0"),
                        new Failover(FailoverMode.AUTOMATIC, Duration.of("10 s"), Duration.of("30 s"),
                                "1. Patroni notices.\n2. It promotes pg2.\n")),
                new BackupRecovery(
                        new BackupStrategy(Duration.of("daily"), "S3, another region", Duration.of("35 days"), BackupType.FULL, true),
                        new RecoveryPlan(Duration.of("1 h"), Duration.of("0"), "1. Restore.\n2. Replay WAL.\n", Duration.of("quarterly"))),
                new DataLifecycle("On sign-up and checkout.", "Status changes.", "Orders older than 2 years go to S3.",
                        new Deletion(DeletionMode.SOFT, "deleted_at is set."), "Orders: 7 years for tax.", Duration.of("7 years")));
    }
}
