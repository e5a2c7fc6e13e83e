package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cowvfs.examples.ExternalTool;

/** {@code nfs-read}: {@code nfs-cp} of a 512 MiB lower file out of the view, against {@code cp} of the file. */
final class NfsRead extends NfsWorkload {
    NfsRead(DataSet data, Scratch scratch, NfsPrograms programs) {
        super("nfs-read", Target.ratio(2), data, scratch, programs);
    }

    @Override
    public void prepare() throws IOException {
        data.half();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        Path source = data.half();
        return trial(side, List.of(source), false,
                dir -> copyInto(programs.cp(), source.resolve(DataSet.HALF_FILE).toString(), dir),
                (server, dir) -> copyInto(programs.nfsCp(), server.url("/" + DataSet.HALF_FILE), dir));
    }

    /** @return the size of the copy */
    private static long copyInto(ExternalTool copier, String source, Path dir) throws IOException {
        Path copy = dir.resolve(DataSet.HALF_FILE);
        copier.run(null, source, copy.toString());
        return Files.size(copy);
    }
}
