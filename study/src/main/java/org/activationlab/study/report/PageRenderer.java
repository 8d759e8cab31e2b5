package org.activationlab.study.report;

import java.nio.file.Path;
import java.util.List;
import org.activationlab.study.records.RunRecord;

/** Renders one page (Markdown, plus figures under {@code <docs>/img/<page id>/}) from run records alone. */
@FunctionalInterface
public interface PageRenderer {

    /**
     * @param records the runs of one protocol (one fingerprint per variant), in any order
     * @param docsDir the folder the page is written to; figures go below it
     * @param page what the page is called and compares against
     * @return the Markdown text
     */
    String render(List<RunRecord> records, Path docsDir, PageInfo page);
}
