package dev.quorum.ui.section;

import dev.quorum.template.Template;
import dev.quorum.template.TemplateSection;
import java.util.List;

/** The Concurrent Access section: concurrent reads, concurrent writes, and reads against writes. */
public final class ConcurrencyViewModel extends SectionViewModel {

    private final GroupViewModel reads = group("concurrency.reads");
    private final GroupViewModel writes = group("concurrency.writes");
    private final GroupViewModel readWrite = group("concurrency.read_write");

    public ConcurrencyViewModel(TemplateSection section, Template template) {
        super(section, template);
    }

    /** The three kinds of access in template order. */
    public List<GroupViewModel> groups() {
        return List.of(reads, writes, readWrite);
    }

    /** Concurrent reads. */
    public GroupViewModel reads() {
        return reads;
    }

    /** Concurrent writes. */
    public GroupViewModel writes() {
        return writes;
    }

    /** Reads running while writes change the same data. */
    public GroupViewModel readWrite() {
        return readWrite;
    }
}
