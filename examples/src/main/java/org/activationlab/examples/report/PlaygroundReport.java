package org.activationlab.examples.report;

import java.nio.file.Path;
import java.util.List;
import org.activationlab.examples.records.RunRecord;

/** The gradient-dynamics page of one experiment, from its run records. */
public final class PlaygroundReport {

    private PlaygroundReport() {
    }

    /** The page's Markdown; figures go under {@code docs/img/<experiment>/}. */
    public static String render(List<RunRecord> records, Path docs) {
        StringBuilder md = new StringBuilder("# ").append(records.get(0).experiment()).append("\n\n");
        Markdown.distinct(records, RunRecord::command).lines().forEach(l -> md.append(l).append('\n'));
        return md.toString();
    }
}
