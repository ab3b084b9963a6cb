package dev.quorum.ui.section;

/** Makes the view that matches a section view model. */
public final class SectionViews {

    private SectionViews() {
    }

    /** The view for {@code model}. */
    public static SectionView<?> create(SectionViewModel model) {
        if (model instanceof PersistenceViewModel m) {
            return new PersistenceView(m);
        } else if (model instanceof SchemaViewModel m) {
            return new SchemaView(m);
        } else if (model instanceof QueriesViewModel m) {
            return new QueriesView(m);
        } else if (model instanceof ConcurrencyViewModel m) {
            return new ConcurrencyView(m);
        } else if (model instanceof SharingViewModel m) {
            return new SharingView(m);
        } else if (model instanceof ConsistencyViewModel m) {
            return new ConsistencyView(m);
        } else if (model instanceof ReplicationViewModel m) {
            return new ReplicationView(m);
        } else if (model instanceof BackupViewModel m) {
            return new BackupView(m);
        } else if (model instanceof LifecycleViewModel m) {
            return new LifecycleView(m);
        }
        throw new IllegalArgumentException("no view for " + model.getClass().getSimpleName());
    }
}
