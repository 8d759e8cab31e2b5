package org.activationlab.tf.tensorboard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/** Reads back the scalars of TensorBoard event files, checking every record's CRCs. */
public final class EventFiles {

    private EventFiles() {
    }

    /** The events of one file, in order. */
    public static List<Event> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<Event> events = new ArrayList<>();
            for (byte[] record : TfRecords.readAll(in)) {
                events.add(Event.parseFrom(record));
            }
            return events;
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Every scalar of the event files in {@code runDir}: tag to (step to value), tags in first-seen order. */
    public static Map<String, TreeMap<Long, Float>> scalars(Path runDir) throws IOException {
        Map<String, TreeMap<Long, Float>> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(runDir)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).sorted().toList();
        }
        for (Path file : files) {
            for (Event e : read(file)) {
                for (Summary.Value v : e.getSummary().getValueList()) {
                    out.computeIfAbsent(v.getTag(), t -> new TreeMap<>()).put(e.getStep(), v.getSimpleValue());
                }
            }
        }
        return out;
    }
}
