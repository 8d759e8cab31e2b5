package org.activationlab.data.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds tar and tar.gz archives entry by entry for tests, including entries a real tool would refuse. */
public final class TarFiles {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream out = new TarArchiveOutputStream(bytes);

    public TarFiles() {
        out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    /** A regular file entry; the name is kept as given, even if absolute or with {@code ..}. */
    public TarFiles file(String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(content.length);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
        return this;
    }

    public TarFiles dir(String name) throws IOException {
        out.putArchiveEntry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true));
        out.closeArchiveEntry();
        return this;
    }

    public TarFiles symlink(String name, String target) throws IOException {
        return link(name, target, TarConstants.LF_SYMLINK);
    }

    public TarFiles hardLink(String name, String target) throws IOException {
        return link(name, target, TarConstants.LF_LINK);
    }

    private TarFiles link(String name, String target, byte flag) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, flag, true);
        entry.setLinkName(target);
        out.putArchiveEntry(entry);
        out.closeArchiveEntry();
        return this;
    }

    /** Every file and folder under {@code dir}, named {@code prefix + relative path}. */
    public TarFiles tree(Path dir, String prefix) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
        }
        for (Path p : paths) {
            String name = prefix + dir.relativize(p).toString().replace('\\', '/');
            if (Files.isDirectory(p)) {
                dir(name);
            } else {
                file(name, Files.readAllBytes(p));
            }
        }
        return this;
    }

    public byte[] tar() throws IOException {
        out.close();
        return bytes.toByteArray();
    }

    public Path writeTar(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, tar());
    }

    public Path writeTarGz(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(tar());
        }
        return file;
    }
}
