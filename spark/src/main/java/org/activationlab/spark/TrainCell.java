package org.activationlab.spark;

import org.activationlab.study.GridCell;
import org.activationlab.study.GridJob;
import org.activationlab.study.GridListener;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.apache.spark.api.java.function.Function;

/**
 * The Spark task of one grid cell: trains the run and writes its record atomically to the cell's file. Idempotent:
 * a task executed again (after a lost executor) that finds the cell's record returns it instead of training.
 */
final class TrainCell implements Function<GridCell, CellOutcome> {

    private static final long serialVersionUID = 1L;

    private final TaskSpec spec;

    TrainCell(TaskSpec spec) {
        this.spec = spec;
    }

    @Override
    public CellOutcome call(GridCell cell) {
        RunRecord written = GridJob.alreadyWritten(cell);
        if (written != null) {
            return new CellOutcome(cell, RunRecords.toJson(written), null);
        }
        CellOutcome[] outcome = new CellOutcome[1];
        String prefix = "[run " + cell.position() + "/" + cell.count() + "] ";
        ExecutorJobs.of(spec).train(cell, spec.threads(), line -> System.err.println(prefix + line),
                new GridListener() {
                    @Override
                    public void finished(GridCell c, RunRecord record) {
                        outcome[0] = new CellOutcome(c, RunRecords.toJson(record), null);
                    }

                    @Override
                    public void failed(GridCell c, String line) {
                        outcome[0] = new CellOutcome(c, null, line);
                    }
                });
        return outcome[0];
    }
}
