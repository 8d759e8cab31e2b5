package org.activationlab.study.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/** Brings records of older schemas to the current one when they are read. */
final class LegacyRecords {

    /**
     * Where a checksum-verified file was read from (a mirror's URL or path, the canonical URL, the cache) and where
     * it was cached or extracted, up to the next comma, colon-space or semicolon, or the end.
     */
    private static final Pattern ORIGIN = Pattern.compile(" from (mirror|canonical URL) \\S+?(?=,|: |;|$)"
            + "| from the cache \\(no mirror configured\\)|, (cached in|extracted into) \\S+?(?=,|: |;|$)");

    private LegacyRecords() {
    }

    /**
     * Upgrades in place: version 1 predates the DAWNBench measurements, versions 1 and 2 the protocol's
     * preprocessing and device (MNIST pixels in [0, 1] on the CPU then), versions 1 to 3 variants and the dynamics
     * measurements; version 5 moves the optional measurements into {@code sections}, adds the protocol's
     * {@code settings} (the thresholds those sections name) and drops machine paths from the data source; version 6
     * records the session's intra-op threads in the environment, version 7 whether the session had an intra-op pool
     * of its own (unknown, null, before).
     */
    static void upgrade(ObjectNode record, int version) {
        if (version <= 4) {
            upgradeToFive(record, version);
        }
        if (record.get("environment") instanceof ObjectNode environment) {
            if (version <= 5) {
                environment.putNull("intra_op_threads");
            }
            environment.putNull("intra_op_pool_per_session");
        }
        record.put("schema_version", RunRecord.SCHEMA_VERSION);
    }

    private static void upgradeToFive(ObjectNode record, int version) {
        ObjectNode protocol = record.get("protocol") instanceof ObjectNode p ? p : record.putObject("protocol");
        if (version <= 2) {
            protocol.put("preprocessing", Protocol.PIXELS_IN_UNIT_RANGE);
            protocol.put("device", "CPU");
        }
        if (version <= 3) {
            record.put("variant", "");
        }
        ObjectNode sections = record.putObject("sections");
        ObjectNode settings = protocol.putObject("settings");
        JsonNode dawnbench = record.remove("dawnbench");
        if (dawnbench != null && !dawnbench.isNull()) {
            sections.set(DawnBenchMetrics.SECTION.name(), dawnbench);
            settings.put("threshold", dawnbench.path("threshold").asText());
        }
        JsonNode probes = record.remove("probes");
        if (probes != null && probes.isArray() && !probes.isEmpty()) {
            sections.set(Probes.SECTION.name(), probes);
        }
        JsonNode boundary = record.remove("boundary");
        if (boundary instanceof ObjectNode b) {
            b.putNull("points");
            sections.set(DecisionBoundary.SECTION.name(), b);
        }
        JsonNode convergence = record.remove("convergence");
        if (convergence != null && !convergence.isNull()) {
            sections.set(Convergence.SECTION.name(), convergence);
            settings.put("loss_threshold", convergence.path("loss_threshold").asText());
        }
        JsonNode source = protocol.get("data_source");
        if (source != null && source.isTextual()) {
            protocol.put("data_source", withoutMachinePaths(source.asText()));
        }
        record.putNull("fingerprint");
    }

    /**
     * A data source without where its copy came from and was cached: those differ between machines, and the
     * checksum the source names proves that the data does not.
     */
    static String withoutMachinePaths(String source) {
        return ORIGIN.matcher(source).replaceAll("");
    }
}
