package org.activationlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;

/** A record's JSON with what differs between identical runs removed: timings, the machine and the command. */
public final class TimingsMasked {

    private TimingsMasked() {
    }

    /** The record as JSON without its timings, environment and command. */
    public static JsonNode of(RunRecord record) {
        try {
            JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RunRecords.toJson(record));
            ObjectNode root = (ObjectNode) tree;
            root.remove(List.of("environment", "command"));
            strip(root);
            return root;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> timings = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().endsWith("seconds") || e.getKey().contains("millis")) {
                    timings.add(e.getKey());
                } else {
                    strip(e.getValue());
                }
            }
            object.remove(timings);
        } else if (node.isArray()) {
            node.forEach(TimingsMasked::strip);
        }
    }
}
