package dev.quorum.cli;

import dev.quorum.template.ScenarioCard;
import dev.quorum.template.ScenarioCardsDocument;
import dev.quorum.template.ScenarioCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quorum scenarios [--id ID] [--format text|md] [-o OUT]}: the scenario cards, listed or in full. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "List the scenario cards (id, group, title, model), print one card in full (--id), "
                + "or write docs/scenario-cards.md (--format md).")
final class ScenariosCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { text, md }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--id", paramLabel = "ID", description = "Print this card in full, for example ghost-payment.")
    String id;

    @Option(names = {"-f", "--format"}, defaultValue = "text",
            description = "text or md (default: ${DEFAULT-VALUE}). Without --id, md writes the whole cards page.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        ScenarioCatalog catalog = ScenarioCatalog.standard();
        String text;
        if (id != null) {
            ScenarioCard card = catalog.card(id).orElseThrow(() -> new UserError("unknown scenario '" + id
                    + "'; the cards are: " + String.join(", ", ScenarioCatalog.IDS)));
            text = format == Format.md ? ScenarioCardsDocument.markdown(card, 1) : ScenarioCardsDocument.text(card);
        } else {
            text = format == Format.md ? ScenarioCardsDocument.page(catalog.cards())
                    : ScenarioCardsDocument.listing(catalog.cards());
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
    }
}
