package org.activationlab.study;

import java.util.List;

/**
 * Trains nothing: logs each run the study would train, with the record it would write, so that a study can be
 * planned (or a page's command checked against its records) without spending the runs. The runner has already
 * logged the finished runs it keeps.
 */
public final class DryRunExecutor implements GridExecutor {

    /** The name in {@link Execution}; {@code --dry-run} on the command line. */
    public static final String NAME = "dry-run";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean writesRecords() {
        return false;
    }

    @Override
    public <D> void execute(GridJob<D> job, List<GridCell> cells, GridListener listener) {
        for (GridCell cell : cells) {
            job.log("would train " + cell.label() + " -> " + cell.file());
        }
    }
}
