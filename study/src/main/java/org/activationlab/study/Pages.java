package org.activationlab.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationlab.study.plots.ActivationsPage;
import org.activationlab.study.records.AtomicFiles;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.activationlab.study.report.PageInfo;
import org.activationlab.study.report.ResultsIndex;
import org.activationlab.study.report.StudyPage;

/**
 * Writes an experiment's pages from its records: {@code <docs>/<experiment>.md} from the runs of its main folders
 * (the experiment's own page renderer), and one generic page {@code <docs>/<experiment>-<settings>.md} per
 * {@code other-settings} folder, so that runs of different settings are never pooled.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * Writes every page of {@code experiment} whose records are in {@code experimentDir}; returns them (none if it
     * has no records).
     */
    public static List<Path> write(Experiment<?> experiment, Path experimentDir, Path docsDir) {
        List<Path> written = new ArrayList<>();
        Map<String, List<RunRecord>> pages = pagesOf(experiment, experimentDir);
        List<RunRecord> mainRecords = pages.getOrDefault(experiment.name(), List.of());
        for (Map.Entry<String, List<RunRecord>> page : pages.entrySet()) {
            String id = page.getKey();
            boolean main = id.equals(experiment.name());
            PageInfo info = info(experiment, id);
            String variant = page.getValue().get(0).variant();
            String text = main ? experiment.page().render(page.getValue(), docsDir, info)
                    : StudyPage.render(page.getValue(), mainRecords.stream().filter(r -> r.variant().equals(variant))
                            .toList(), docsDir, info);
            Path file = docsDir.resolve(id + ".md");
            AtomicFiles.writeString(file, text);
            written.add(file);
        }
        return written;
    }

    /** The page id of every page of the experiment (main first), with its records. */
    static Map<String, List<RunRecord>> pagesOf(Experiment<?> experiment, Path experimentDir) {
        Map<String, List<RunRecord>> pages = new LinkedHashMap<>();
        List<RunRecord> main = RunRecords.readAllIn(experimentDir);
        if (!main.isEmpty()) {
            pages.put(experiment.name(), main);
        }
        RunRecords.readOtherSettingsIn(experimentDir)
                .forEach((folder, records) -> pages.put(experiment.name() + "-" + folder, records));
        return pages;
    }

    private static PageInfo info(Experiment<?> experiment, String id) {
        String baseline = experiment.defaultActivations().isEmpty() ? "relu"
                : experiment.defaultActivations().get(0).spec();
        String title = id.equals(experiment.name()) ? experiment.name() + ": " + experiment.description()
                : experiment.name() + " with other settings (" + id.substring(experiment.name().length() + 1) + ")";
        return new PageInfo(id, experiment.name(), title, baseline,
                "bin/activation-lab study " + experiment.name() + " --seeds 5");
    }

    /**
     * Writes the index of every page of every registered experiment with records and the activations page;
     * returns the index.
     */
    public static Path writeIndex(Experiments experiments, Path resultsDir, Path docsDir) {
        Map<String, List<RunRecord>> all = new LinkedHashMap<>();
        for (Experiment<?> e : experiments.all()) {
            all.putAll(pagesOf(e, resultsDir.resolve(e.name())));
        }
        AtomicFiles.writeString(docsDir.resolve("activations.md"),
                ActivationsPage.render(docsDir.resolve("img").resolve("activations"), "img/activations"));
        Path index = docsDir.resolve("README.md");
        AtomicFiles.writeString(index, ResultsIndex.render(all));
        return index;
    }
}
