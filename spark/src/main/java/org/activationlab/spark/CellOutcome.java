package org.activationlab.spark;

import java.io.Serializable;
import org.activationlab.study.GridCell;

/**
 * What a Spark task sends back to the driver: the cell's record as JSON (already written to the results folder), or
 * the line saying why it failed.
 *
 * @param cell the cell
 * @param recordJson the record, or {@code null} if the run failed
 * @param failure why the run failed, or {@code null}
 */
record CellOutcome(GridCell cell, String recordJson, String failure) implements Serializable {

    private static final long serialVersionUID = 1L;
}
