package dev.quorum.sim.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The models Quorum can run, in the order they are listed. The design's own what-ifs come first; the guide
 * scenarios register themselves here too, on the same {@link Model} contract.
 */
public final class ModelCatalog {

    private final List<Model> models;

    /** The catalog of every built-in model. */
    public ModelCatalog() {
        this(builtIn());
    }

    /** A catalog of the given models; ids must be unique. */
    public ModelCatalog(List<Model> models) {
        List<String> seen = new ArrayList<>();
        for (Model m : models) {
            if (seen.contains(m.id())) {
                throw new IllegalArgumentException("two models share the id " + m.id());
            }
            seen.add(m.id());
        }
        this.models = List.copyOf(models);
    }

    /** The built-in models: the design's six what-ifs, then one model per scenario of the guide. */
    public static List<Model> builtIn() {
        List<Model> all = new ArrayList<>(whatIfs());
        all.addAll(dev.quorum.sim.scenarios.guide.GuideModels.all());
        return List.copyOf(all);
    }

    /** The design's six what-ifs. */
    public static List<Model> whatIfs() {
        return List.of(new FailoverModel(), new RestoreModel(), new ReplicaReadsModel(), new MultiPrimaryModel(),
                new ThunderingHerdModel(), new ConnectionPoolModel());
    }

    /** Every model, in list order. */
    public List<Model> models() {
        return models;
    }

    /** The model with this id. */
    public Optional<Model> find(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
