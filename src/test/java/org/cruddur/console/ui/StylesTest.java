package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The stylesheets as shipped (styles/ on the classpath): base.css writes no colour, only the -c-* tokens, and each
 * theme defines every token it uses, so switching the theme changes every colour.
 */
class StylesTest {

    private static final Pattern TOKEN_USE = Pattern.compile("(?<![\\w-])(-c-[a-z0-9-]+)(?!\\s*:)");
    private static final Pattern TOKEN_DEFINITION = Pattern.compile("(?<![\\w-])(-c-[a-z0-9-]+)\\s*:");
    /** A colour written out: hex, rgb()/rgba()/hsb()/hsba(), or a named CSS colour as a value. */
    private static final Pattern COLOUR_LITERAL = Pattern.compile(
            "#[0-9a-fA-F]{3,8}\\b|\\b(rgba?|hsba?)\\s*\\(|:[^;{}]*\\b(white|black|red|green|blue|gray|grey|orange|yellow|silver)\\b");

    private static String css(String name) throws IOException {
        try (InputStream in = StylesTest.class.getResourceAsStream("/styles/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
    }

    private static Set<String> all(Pattern p, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void baseCssWritesNoColourOnlyTokens() throws IOException {
        Matcher literal = COLOUR_LITERAL.matcher(css("base.css"));
        assertThat(literal.find()).as(() -> "colour written in base.css: " + literal.group()).isFalse();
    }

    /** The features' own stylesheets (ui/<feature>/*.css), as shipped in the jar's folders. */
    private static java.util.List<Path> featureStylesheets() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(Path.of("src", "main", "resources", "org", "cruddur", "console", "ui"))) {
            return files.filter(f -> f.toString().endsWith(".css")).sorted().toList();
        }
    }

    private static String withoutComments(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
    }

    @Test
    void featureStylesheetsWriteNoColourOnlyTokens() throws IOException {
        assertThat(featureStylesheets()).isNotEmpty();
        for (Path file : featureStylesheets()) {
            Matcher literal = COLOUR_LITERAL.matcher(withoutComments(file));
            assertThat(literal.find()).as(() -> "colour written in " + file + ": " + literal.group()).isFalse();
        }
    }

    @Test
    void bothThemesDefineEveryTokenTheRulesUseAndTheSameOnes() throws IOException {
        Set<String> used = all(TOKEN_USE, css("base.css"));
        for (Path file : featureStylesheets()) {
            used.addAll(all(TOKEN_USE, withoutComments(file)));
        }
        Set<String> light = all(TOKEN_DEFINITION, css("light.css"));
        Set<String> dark = all(TOKEN_DEFINITION, css("dark.css"));
        assertThat(used).isNotEmpty();
        assertThat(light).as("light.css").containsAll(used);
        assertThat(dark).as("dark.css").containsAll(used);
        assertThat(dark).as("dark.css defines what light.css does").isEqualTo(light);
        assertThat(used).as("every token defined is used").containsAll(light);
    }

    @Test
    void themesOnlyDefineTokens() throws IOException {
        for (String theme : new String[] {"light.css", "dark.css"}) {
            String rules = css(theme).replaceAll("@import[^;]*;", "").strip();
            assertThat(rules).as(theme).startsWith(".root {").endsWith("}");
            assertThat(rules.indexOf('}')).as(theme + " holds one rule, .root").isEqualTo(rules.length() - 1);
        }
    }
}
