package dev.quorum.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The light and dark themes: AtlantaFX's Primer themes as the user-agent stylesheet, Quorum's own
 * stylesheet on top, and for dark a small overlay that turns Quorum's light colours dark.
 */
public enum Theme {
    /** Primer Light. */
    LIGHT("light"),
    /** Primer Dark. */
    DARK("dark");

    private static final String DARK_CSS = Objects.requireNonNull(Theme.class.getResource("/dev/quorum/ui/dark.css"),
            "dark.css missing from the build").toExternalForm();

    private final String id;

    Theme(String id) {
        this.id = id;
    }

    /** "light" or "dark", as the settings store it. */
    public String id() {
        return id;
    }

    /** The theme with this id; light for anything else. */
    public static Theme of(String id) {
        return "dark".equals(id) ? DARK : LIGHT;
    }

    /** Applies the theme to the application and to {@code scene}. */
    public void apply(Scene scene) {
        // The binary form of the same stylesheet, which AtlantaFX ships beside it: the 170 KB text form would be
        // parsed again at every start.
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
        if (scene != null) {
            scene.getStylesheets().remove(DARK_CSS);
            if (this == DARK) {
                scene.getStylesheets().add(DARK_CSS);
            }
            if (scene.getRoot() != null) {
                scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
                scene.getRoot().getStyleClass().add("theme-" + id);
            }
        }
    }
}
