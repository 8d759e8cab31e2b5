package org.activationlab.study;

import java.nio.file.Path;
import java.util.List;
import org.activationlab.study.records.RunRecord;

/**
 * What a study run did: the records of its grid (trained now or kept from before), and the runs that failed.
 *
 * @param experiment the experiment
 * @param experimentDir the folder the experiment's records are in
 * @param records the grid's records, in grid order
 * @param trained how many runs trained now
 * @param kept how many finished runs of the same settings were kept instead of re-run
 * @param failures one line per run that threw instead of producing a record
 */
public record StudyResult(Experiment<?> experiment, Path experimentDir, List<RunRecord> records, int trained, int kept,
        List<String> failures) {

    public StudyResult {
        records = List.copyOf(records);
        failures = List.copyOf(failures);
    }

    /**
     * Renders the experiment's pages and figures into {@code docsDir} from the records on disk (not from this
     * object), so the page is the same whoever regenerates it; returns the pages written.
     */
    public List<Path> writeReport(Path docsDir) {
        OutputFolders.requireWritable(docsDir, "docs folder");
        return Pages.write(experiment, experimentDir, docsDir);
    }
}
