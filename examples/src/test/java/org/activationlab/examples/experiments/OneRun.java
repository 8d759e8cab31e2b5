package org.activationlab.examples.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.study.Experiment;
import org.activationlab.study.SettingsRequest;
import org.activationlab.study.StudyPlan;
import org.activationlab.study.StudyResult;
import org.activationlab.study.StudyRunner;
import org.activationlab.study.records.RunRecord;

/** Runs one activation and seed of an experiment through the study runner, for tests. */
final class OneRun {

    final List<String> log = new ArrayList<>();

    RunRecord run(Experiment<?> experiment, SettingsRequest request, Activation activation, long seed, Path dir)
            throws IOException {
        StudyPlan plan = new StudyPlan(experiment.configure(request), List.of(activation), List.of(seed), null,
                false, "test", false, log::add, null);
        StudyResult result = StudyRunner.run(experiment, plan, DatasetResolver.fromEnvironment(), dir);
        if (!result.failures().isEmpty()) {
            throw new AssertionError(result.failures());
        }
        return result.records().get(0);
    }
}
