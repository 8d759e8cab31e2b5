package org.activationlab.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.report.PageRenderer;
import org.activationlab.study.report.StudyPage;

/**
 * A study experiment: a model per activation, a protocol, data, and how one run becomes one {@link RunRecord}. The
 * {@link StudyRunner} runs its grid (variants x activations x seeds), keeps finished runs, and the experiment's
 * page is rendered from the records alone.
 *
 * <p>Register an implementation in {@code META-INF/services/org.activationlab.study.Experiment}; the command line
 * ({@code list}, {@code reproduce}, {@code study}, {@code summary}, {@code report}) then offers it by name with no
 * other edit. See the guide's "Adding an experiment".
 *
 * @param <D> the data the experiment prepares once per study and shares between its runs
 */
public interface Experiment<D> {

    /** The name on the command line and of the records folder, e.g. {@code mnist-mlp}. */
    String name();

    /** One line for {@code activation-lab list} and help texts. */
    String description();

    /** The protocol defaults. */
    ExperimentDefaults defaults();

    /** The activations a study compares unless told otherwise. */
    List<Activation> defaultActivations();

    /** The experiment's own settings; none by default. */
    default List<ExperimentOption> options() {
        return List.of();
    }

    /**
     * Resolves what the user asked for into the study's settings: the defaults fill what was not given, and every
     * value is checked. Experiments whose defaults depend on an option (a reduced protocol) override this.
     *
     * @throws IllegalArgumentException naming the option and the fix
     */
    default StudySettings configure(SettingsRequest request) {
        return configureWith(request, defaults());
    }

    /** {@link #configure} with other defaults. */
    default StudySettings configureWith(SettingsRequest request, ExperimentDefaults d) {
        Map<String, String> options = new TreeMap<>();
        List<String> known = new ArrayList<>();
        for (ExperimentOption o : options()) {
            known.add(o.name());
            options.put(o.name(), request.options().getOrDefault(o.name(), o.defaultValue()));
        }
        for (String given : request.options().keySet()) {
            if (!known.contains(given)) {
                throw new IllegalArgumentException("--" + given + " does not apply to " + name()
                        + (known.isEmpty() ? " (it has no options of its own)" : "; its options: --"
                        + String.join(", --", known)));
            }
        }
        if (request.threshold() != null && d.threshold() == null) {
            List<String> own = known.stream().filter(o -> o.contains("threshold")).map(o -> "--" + o).toList();
            throw new IllegalArgumentException("--threshold does not apply to " + name() + ": it records no time to"
                    + " accuracy" + (own.isEmpty() ? "" : " (see its " + String.join(", ", own) + ")"));
        }
        return new StudySettings(request.epochs() != null ? request.epochs() : d.epochs(),
                request.batchSize() != null ? request.batchSize() : d.batchSize(),
                request.trainLimit() != null ? request.trainLimit() : d.trainLimit(),
                request.threshold() != null ? request.threshold() : d.threshold(), request.deterministic(),
                request.device(), 0, options, request.precision());
    }

    /** The variants (records subfolders) the settings sweep, e.g. learning rates; one empty variant if none. */
    default List<String> variants(StudySettings settings) {
        return List.of("");
    }

    /** The model a run of {@code activation} in {@code variant} trains. */
    Sequential model(Activation activation, String variant, StudySettings settings);

    /** A note printed under the model's summary, e.g. where the paper's count differs; empty by default. */
    default String modelNote() {
        return "";
    }

    /**
     * Memory one run needs besides the prepared data, which the runs share (TensorFlow on the CPU reads one copy of
     * each set for all of them): its graph's weights, optimizer state, activations and scratch space, so that no
     * more runs start side by side than fit the free memory (the one shared copy of the data lives in the fifth of
     * it that no run is given). The default, {@value RunMemory#DEFAULT_BYTES}, fits the MNIST experiments; an
     * experiment with a bigger model overrides it.
     */
    default long bytesPerRun(D data) {
        return RunMemory.DEFAULT_BYTES;
    }

    /** Loads or generates the data once per study (and per process); its runs share it read-only, in parallel. */
    D prepare(StudySettings settings, DataContext data) throws IOException;

    /** The protocol of one run, known before it trains: what its record's fingerprint is computed from. */
    Protocol protocol(D data, StudyGrid.Run run, StudySettings settings);

    /**
     * Trains one run and returns its record, built from {@link RunContext#record}. Runs of one study may train at
     * the same time in several threads: keep no mutable state in the experiment, and do not modify {@code data}.
     */
    RunRecord run(D data, RunContext context);

    /** The page of this experiment's records: the generic study page unless it needs the paper's tables. */
    default PageRenderer page() {
        return StudyPage::render;
    }

    /** What an old record (an older schema) lacks and this experiment can add, e.g. regenerated points. */
    default RunRecord complete(RunRecord legacy) {
        return legacy;
    }

    /** Where datasets come from and where logs go. */
    interface DataContext {
        /** The dataset resolver (cache, mirror). */
        org.activationlab.data.download.DatasetResolver resolver();

        /** Receives progress lines, e.g. the normalisation applied. */
        void log(String line);

        /** The context of {@code resolver} logging to {@code log}. */
        static DataContext of(org.activationlab.data.download.DatasetResolver resolver,
                java.util.function.Consumer<String> log) {
            return new DataContext() {
                @Override
                public org.activationlab.data.download.DatasetResolver resolver() {
                    return resolver;
                }

                @Override
                public void log(String line) {
                    log.accept(line);
                }
            };
        }
    }
}
