package dev.quorum.ui.section;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/** A read-only table cell that wraps its text and shows a quantity's parsed value or problem underneath. */
final class DisplayCell<R> extends TableCell<R, DisplayValue> {

    private final Text main = new Text();
    private final Text detail = new Text();
    private final VBox box = new VBox(2, main, detail);

    DisplayCell(TableColumn<R, DisplayValue> column) {
        // Text rather than Label: Text reports the height it needs for a wrapping width, so rows grow to fit.
        main.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
        detail.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
        main.getStyleClass().add("cell-text");
        detail.getStyleClass().add("cell-detail");
        setText(null);
    }

    @Override
    protected void updateItem(DisplayValue value, boolean empty) {
        super.updateItem(value, empty);
        if (empty || value == null) {
            setGraphic(null);
            return;
        }
        main.setText(value.shown());
        main.getStyleClass().setAll("cell-text");
        if (value.isEmpty()) {
            main.getStyleClass().add("not-specified");
        }
        detail.setText(value.detail());
        detail.getStyleClass().setAll("cell-detail");
        if (value.problem()) {
            detail.getStyleClass().add("problem");
        }
        boolean hasDetail = !value.detail().isBlank();
        detail.setVisible(hasDetail);
        detail.setManaged(hasDetail);
        setGraphic(box);
    }
}
