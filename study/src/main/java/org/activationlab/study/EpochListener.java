package org.activationlab.study;

import org.activationlab.study.records.EpochRecord;

/** Receives every epoch of every run of a study as it completes, e.g. to log or plot it live. */
@FunctionalInterface
public interface EpochListener {

    void epoch(StudyGrid.Run run, EpochRecord epoch);
}
