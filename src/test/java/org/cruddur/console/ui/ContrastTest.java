package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Text in both themes meets WCAG 2.1 AA (contrast ratio at least 4.5:1) for every pair of colour tokens the stylesheets
 * put text on: the ratio computed from the tokens' relative luminance, as WCAG defines it (issue 17). A pair is listed
 * here when a rule in base.css or a feature stylesheet sets its text fill on its background.
 */
class ContrastTest {

    private static final double AA = 4.5;
    private static final Pattern DEFINITION = Pattern.compile("(-c-[a-z0-9-]+)\\s*:\\s*#([0-9a-fA-F]{6})\\s*;");

    /** {text token, background token}: where the console writes that text on that colour. */
    private static final String[][] TEXT_ON_BACKGROUND = {
            {"text", "background"}, {"text", "pane"}, {"text", "base"}, {"text", "thread-background"},
            {"text", "selection"}, {"text", "selection-muted"}, {"text", "info-background"},
            {"muted", "pane"}, {"muted", "background"}, {"muted", "thread-background"}, {"muted", "base"},
            {"mine-text", "mine"}, {"theirs-text", "theirs"},
            {"error-text", "error-background"}, {"error-text", "pane"},
            {"danger-text", "pane"}, {"danger-text", "theirs"},
            {"on-emphasis", "success"}, {"on-emphasis", "danger"}, {"on-emphasis", "neutral-emphasis"},
            {"on-emphasis", "accent"}, {"on-emphasis", "mine"},
            {"on-warning", "profile-read-only"},
            {"profile-read-only-text", "profile-read-only-background"},
            {"on-emphasis", "profile-prod"}, {"profile-prod", "on-emphasis"},
    };

    @Test
    void everyTextColourMeetsAaOnItsBackgroundInBothThemes() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String theme : new String[] {"light.css", "dark.css"}) {
            Map<String, String> tokens = tokens(theme);
            StringBuilder report = new StringBuilder(theme + ":");
            for (String[] pair : TEXT_ON_BACKGROUND) {
                String text = tokens.get("-c-" + pair[0]);
                String background = tokens.get("-c-" + pair[1]);
                assertThat(text).as(theme + " defines -c-" + pair[0]).isNotNull();
                assertThat(background).as(theme + " defines -c-" + pair[1]).isNotNull();
                double ratio = contrast(text, background);
                report.append(String.format(Locale.ROOT, " %s/%s %.2f", pair[0], pair[1], ratio));
                if (ratio < AA) {
                    failures.add(String.format(Locale.ROOT, "%s: -c-%s %s on -c-%s %s is %.2f:1", theme, pair[0], text, pair[1], background, ratio));
                }
            }
            System.out.println(report); // the ratios per theme, for the record
        }
        assertThat(failures).as("text below WCAG AA (4.5:1)").isEmpty();
    }

    /** The keyboard focus ring is a user-interface component: WCAG 1.4.11 asks 3:1 against what it sits on. */
    @Test
    void theFocusRingStandsOutAtThreeToOneInBothThemes() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String theme : new String[] {"light.css", "dark.css"}) {
            Map<String, String> tokens = tokens(theme);
            StringBuilder report = new StringBuilder(theme + " focus:");
            for (String background : new String[] {"background", "pane", "base", "thread-background", "selection", "selection-muted"}) {
                double ratio = contrast(tokens.get("-c-focus"), tokens.get("-c-" + background));
                report.append(String.format(Locale.ROOT, " %s %.2f", background, ratio));
                if (ratio < 3) {
                    failures.add(theme + ": -c-focus on -c-" + background + " is " + ratio);
                }
            }
            System.out.println(report);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theFormulaGivesWcagsOwnFigures() {
        assertThat(contrast("000000", "ffffff")).isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("ffffff", "ffffff")).isEqualTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(contrast("767676", "ffffff")).isEqualTo(4.54, org.assertj.core.data.Offset.offset(0.01));
    }

    private static Map<String, String> tokens(String theme) throws IOException {
        try (InputStream in = ContrastTest.class.getResourceAsStream("/styles/" + theme)) {
            assertThat(in).as(theme).isNotNull();
            Matcher m = DEFINITION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> tokens = new HashMap<>();
            while (m.find()) {
                tokens.put(m.group(1), m.group(2));
            }
            return tokens;
        }
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double r = channel(Integer.parseInt(hex.substring(0, 2), 16));
        double g = channel(Integer.parseInt(hex.substring(2, 4), 16));
        double b = channel(Integer.parseInt(hex.substring(4, 6), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
