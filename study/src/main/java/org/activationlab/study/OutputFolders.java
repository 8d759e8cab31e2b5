package org.activationlab.study;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where records and pages go: the committed folders, the pages' folder of a records folder, and the check, before
 * any training, that a folder results will be written to can be written.
 */
public final class OutputFolders {

    /** The records folder the project commits, relative to the working folder. */
    public static final Path COMMITTED_RECORDS = Path.of("results");
    /** The pages generated from {@link #COMMITTED_RECORDS}, which the project commits too. */
    public static final Path COMMITTED_PAGES = Path.of("docs", "results");

    private OutputFolders() {
    }

    /**
     * Where the pages of the records in {@code records} go: {@code pages} if given; {@link #COMMITTED_PAGES} for the
     * committed records folder; else {@code <records>/docs}, so that pages of another folder's records never replace
     * the committed ones.
     */
    public static Path pagesFor(Path records, Path pages) {
        if (pages != null) {
            return pages;
        }
        boolean committed = records.toAbsolutePath().normalize()
                .equals(COMMITTED_RECORDS.toAbsolutePath().normalize());
        return committed ? COMMITTED_PAGES : records.resolve("docs");
    }

    /**
     * Creates {@code dir} if missing and checks that a file can be created in it.
     *
     * @param option how the user named the folder, e.g. {@code --out}, for the message
     * @throws IllegalArgumentException one line naming the folder, what is wrong and the fix
     */
    public static void requireWritable(Path dir, String option) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + dir + ": " + existing + " is a file, not a folder;"
                    + " pass " + option + " a folder (it is created if missing)");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check-", ".tmp");
            Files.delete(probe);
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            throw new IllegalArgumentException(option + " " + dir + " is not writable (" + reason + "); pass "
                    + option + " a folder you can write to, or fix its permissions", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + dir + " is not writable (" + e.getMessage()
                    + "); pass " + option + " a folder you can write to", e);
        }
    }
}
