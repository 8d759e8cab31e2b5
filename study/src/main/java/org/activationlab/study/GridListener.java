package org.activationlab.study;

import org.activationlab.study.records.RunRecord;

/** Receives the outcome of every cell an executor runs; called from any thread, one call at a time. */
public interface GridListener {

    /** The cell trained (or a re-executed cell found its record) and its record is in {@link GridCell#file}. */
    void finished(GridCell cell, RunRecord record);

    /** The cell's run threw instead of producing a record: one line saying why. */
    void failed(GridCell cell, String line);
}
