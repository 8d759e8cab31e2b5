package org.activationlab.study.report;

import java.util.Objects;

/**
 * What a page is besides its records.
 *
 * @param id the page's file name without {@code .md}, also its figures' folder, e.g. {@code mnist-mlp}
 * @param experiment the experiment whose records it shows
 * @param title the page's heading
 * @param baseline the activation spec the others are tested against, e.g. {@code relu}
 * @param studyCommand the command that runs several seeds, suggested where there is one run per activation
 */
public record PageInfo(String id, String experiment, String title, String baseline, String studyCommand) {

    public PageInfo {
        Objects.requireNonNull(id, "page id must not be null");
        Objects.requireNonNull(experiment, "page experiment must not be null");
        Objects.requireNonNull(title, "page title must not be null");
        Objects.requireNonNull(baseline, "page baseline must not be null");
        Objects.requireNonNull(studyCommand, "page study command must not be null");
    }
}
