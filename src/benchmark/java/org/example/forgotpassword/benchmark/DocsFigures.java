package org.example.forgotpassword.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the "Latest figures" of docs/benchmark.md from results.json, so that no figure there is copied by hand:
 * everything between {@code <!-- figures:start -->} and {@code <!-- figures:end -->} is replaced by
 * {@link Report#markdown}. The benchmark calls it with {@code -Dbenchmark.update-docs=true}; on its own
 * ({@code -Dbenchmark.docs-only=true}) it rewrites the section from an existing results.json without a run.
 */
final class DocsFigures {

    static final String START = "<!-- figures:start -->";
    static final String END = "<!-- figures:end -->";

    private DocsFigures() {
    }

    @SuppressWarnings("unchecked")
    static void update(Path doc, Path resultsJson) throws IOException {
        Map<String, Object> results = (Map<String, Object>) JsonText.read(Files.readString(resultsJson));
        String text = Files.readString(doc);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(doc + " has no " + START + " … " + END + " section");
        }
        String section = START + "\n<!-- written by the benchmark from " + resultsJson.getFileName()
                + " (-Dbenchmark.update-docs=true); edits here are overwritten -->\n\n" + Report.markdown(results)
                + "\n";
        Files.writeString(doc, text.substring(0, start) + section + text.substring(end));
    }
}
