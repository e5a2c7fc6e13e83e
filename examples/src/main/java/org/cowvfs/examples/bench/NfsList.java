package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cowvfs.examples.ExternalTool;

/**
 * {@code nfs-ls}: {@code nfs-ls -R} of a view over the small tree (20k files), against
 * {@code ls -lR} of the tree. Both list every entry with its type, mode, owner and size, so both
 * read every entry's attributes; their listings go to a file, whose entries are counted.
 */
final class NfsList extends NfsWorkload {
    /** A line describing one entry, in the output of both programs: its type and permission bits. */
    private static final Pattern ENTRY = Pattern.compile("^[-dlpscb][-rwxsStT]{9}");

    NfsList(DataSet data, Scratch scratch, NfsPrograms programs) {
        super("nfs-ls", Target.ratio(1), data, scratch, programs);
    }

    @Override
    public void prepare() throws IOException {
        data.smallTree();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        Path tree = data.smallTree();
        return trial(side, List.of(tree), false,
                dir -> entries(programs.ls(), dir, "-lR", tree.toString()),
                (server, dir) -> entries(programs.nfsLs(), dir, "-R", server.url("/")));
    }

    /**
     * Runs {@code lister} with {@code args}, its listing going to a file in {@code dir}.
     *
     * @return the number of entries listed, the root not included
     */
    private static long entries(ExternalTool lister, Path dir, String... args) throws IOException {
        Path listing = dir.resolve("listing");
        lister.run(listing, args);
        try (Stream<String> lines = Files.lines(listing)) {
            return lines.filter(ENTRY.asPredicate()).count();
        }
    }
}
