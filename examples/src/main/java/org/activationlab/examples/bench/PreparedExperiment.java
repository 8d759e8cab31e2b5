package org.activationlab.examples.bench;

import java.util.List;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.study.Experiment;
import org.activationlab.study.ExperimentDefaults;
import org.activationlab.study.RunContext;
import org.activationlab.study.StudyGrid;
import org.activationlab.study.StudySettings;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;

/**
 * An experiment whose data is already prepared, so that a benchmark times the grid's runs and not the loading of
 * the data; everything else is the wrapped experiment's.
 *
 * @param <D> the experiment's prepared data
 */
final class PreparedExperiment<D> implements Experiment<D> {

    private final Experiment<D> experiment;
    private final D data;

    PreparedExperiment(Experiment<D> experiment, D data) {
        this.experiment = experiment;
        this.data = data;
    }

    @Override
    public String name() {
        return experiment.name();
    }

    @Override
    public String description() {
        return experiment.description();
    }

    @Override
    public ExperimentDefaults defaults() {
        return experiment.defaults();
    }

    @Override
    public List<Activation> defaultActivations() {
        return experiment.defaultActivations();
    }

    @Override
    public List<String> variants(StudySettings settings) {
        return experiment.variants(settings);
    }

    @Override
    public Sequential model(Activation activation, String variant, StudySettings settings) {
        return experiment.model(activation, variant, settings);
    }

    @Override
    public long bytesPerRun(D prepared) {
        return experiment.bytesPerRun(prepared);
    }

    @Override
    public D prepare(StudySettings settings, DataContext context) {
        return data;
    }

    @Override
    public Protocol protocol(D prepared, StudyGrid.Run run, StudySettings settings) {
        return experiment.protocol(prepared, run, settings);
    }

    @Override
    public RunRecord run(D prepared, RunContext context) {
        return experiment.run(prepared, context);
    }
}
