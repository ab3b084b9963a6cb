package dev.quorum.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.quorum.model.AccessPattern;
import dev.quorum.model.BackupType;
import dev.quorum.model.Choice;
import dev.quorum.model.ConsistencyModel;
import dev.quorum.model.DeletionMode;
import dev.quorum.model.Design;
import dev.quorum.model.FailoverMode;
import dev.quorum.model.FlowNodeKind;
import dev.quorum.model.ModelPaths;
import dev.quorum.model.NodeRole;
import dev.quorum.model.Quantity;
import dev.quorum.model.ReplicationMode;
import dev.quorum.model.ReplicationStrategy;
import dev.quorum.model.SqlDialect;
import dev.quorum.model.StorageType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private final Template template = TemplateLoader.dataAndConsistency();

    /** The headings of ../shared/seeds/data-and-consistency-template.txt, in its order. */
    static final List<String> SEED_SECTIONS = List.of("Data Persistence", "Database Schema Design", "Query Operations",
            "Concurrent Access", "Data Sharing Between Components", "Consistency Models", "Data Replication",
            "Backup and Recovery", "Data Lifecycle");
    static final List<String> SEED_SUBSECTIONS = List.of("What Data Needs to be Stored?", "Where Should Data be Stored?",
            "Why These Storage Choices?", "Primary Database Schema", "Document Structure (if using NoSQL)",
            "Database Queries", "Shared Data Elements", "Data Synchronization", "Consistency Level",
            "Replication Strategy", "Backup Strategy", "Recovery Plan", "Data Creation", "Data Modification",
            "Data Archival", "Data Deletion", "Retention Policy");

    @Test
    void sectionsAndSubsectionsFollowTheSeedTemplate() {
        assertThat(template.title()).isEqualTo("Design - Data and Consistency Issues");
        assertThat(template.sections()).extracting(TemplateSection::title).containsExactlyElementsOf(SEED_SECTIONS);
        assertThat(template.sections().stream().flatMap(s -> s.subsections().stream())
                .filter(TemplateSubsection::hasHeading).map(TemplateSubsection::title))
                .containsExactlyElementsOf(SEED_SUBSECTIONS);
    }

    @Test
    void everyFieldPathExistsInTheModel() {
        Design empty = Design.empty("x");
        for (TemplateField f : allTopFields()) {
            assertThatCode(() -> ModelPaths.get(empty, f.path())).as(f.path()).doesNotThrowAnyException();
            Class<?> type = typeAt(Design.class, f.path());
            checkColumns(f, type);
        }
    }

    @Test
    void everyModelLeafIsDescribedByTheTemplate() {
        List<String> modelLeaves = new ArrayList<>();
        leaves(Design.class, "", modelLeaves);
        List<String> templateLeaves = new ArrayList<>();
        for (TemplateField f : allTopFields()) {
            templateLeaves(f, "", templateLeaves);
        }
        assertThat(new TreeSet<>(templateLeaves)).isEqualTo(new TreeSet<>(modelLeaves));
    }

    @Test
    void fieldOrderFollowsTheRecordOrderSoFilesAreInTemplateOrder() {
        List<String> templateOrder = allTopFields().stream().map(f -> f.path().split("\\.")[0]).distinct().toList();
        assertThat(templateOrder).containsExactlyElementsOf(ModelPaths.keys(Design.class));
    }

    @Test
    void optionListsMatchTheModelsChoices() {
        Map<String, Class<? extends Choice>> lists = Map.ofEntries(
                Map.entry("storage-types", StorageType.class), Map.entry("access-patterns", AccessPattern.class),
                Map.entry("sql-dialects", SqlDialect.class), Map.entry("consistency-models", ConsistencyModel.class),
                Map.entry("replication-strategies", ReplicationStrategy.class),
                Map.entry("replication-modes", ReplicationMode.class), Map.entry("node-roles", NodeRole.class),
                Map.entry("failover-modes", FailoverMode.class), Map.entry("backup-types", BackupType.class),
                Map.entry("deletion-modes", DeletionMode.class), Map.entry("flow-node-kinds", FlowNodeKind.class),
                Map.entry("rule-levels", dev.quorum.model.RuleLevel.class));
        assertThat(template.optionLists().keySet()).isEqualTo(lists.keySet());
        lists.forEach((name, type) -> assertThat(template.options(name)).extracting(TemplateOption::id).as(name)
                .containsExactlyElementsOf(Arrays.stream(type.getEnumConstants()).map(Choice::id).toList()));
        assertThat(template.options("storage-types")).hasSize(8);
        assertThat(template.options("storage-types")).allSatisfy(o -> assertThat(o.help()).isNotBlank());
    }

    @Test
    void everyFieldHasALabelAndHelp() {
        List<TemplateField> all = new ArrayList<>();
        allTopFields().forEach(f -> flatten(f, all));
        assertThat(all).allSatisfy(f -> {
            assertThat(f.label()).as(f.path()).isNotBlank();
            assertThat(f.help()).as(f.path()).isNotBlank();
            if (f.kind() == FieldKind.CHOICE) {
                assertThat(template.options(f.options())).as(f.path() + " options").isNotEmpty();
            }
        });
    }

    private List<TemplateField> allTopFields() {
        List<TemplateField> out = new ArrayList<>(template.documentFields());
        template.sections().forEach(s -> out.addAll(s.fields()));
        out.addAll(template.settingsFields());
        return out;
    }

    private static void flatten(TemplateField f, List<TemplateField> out) {
        out.add(f);
        f.columns().forEach(c -> flatten(c, out));
    }

    private static void checkColumns(TemplateField f, Class<?> type) {
        for (TemplateField c : f.columns()) {
            Class<?> inner = type;
            assertThat(ModelPaths.component(inner, c.key())).as(f.path() + " / " + c.path()).isNotNull();
            checkColumns(c, typeAt(inner, c.path()));
        }
    }

    /** The record type at a path; for a List component, its element type. */
    private static Class<?> typeAt(Class<?> root, String path) {
        Class<?> current = root;
        for (String step : path.split("\\.")) {
            RecordComponent c = ModelPaths.component(current, step);
            current = elementType(c.getGenericType());
        }
        return current;
    }

    private static Class<?> elementType(Type t) {
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getActualTypeArguments()[0];
        }
        return (Class<?>) t;
    }

    private static void leaves(Class<?> type, String prefix, List<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String path = prefix + ModelPaths.key(c);
            Class<?> t = elementType(c.getGenericType());
            if (t.isRecord() && !Quantity.class.isAssignableFrom(t)) {
                leaves(t, path + ".", out);
            } else {
                out.add(path);
            }
        }
    }

    private static void templateLeaves(TemplateField f, String prefix, List<String> out) {
        String path = prefix + f.path();
        if (f.columns().isEmpty()) {
            out.add(path);
        } else {
            f.columns().forEach(c -> templateLeaves(c, path + ".", out));
        }
    }
}
