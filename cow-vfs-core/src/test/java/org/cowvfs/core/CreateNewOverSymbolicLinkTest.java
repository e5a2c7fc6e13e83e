package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CREATE_NEW treats a symbolic link at the name as an existing entry, as O_CREAT|O_EXCL does. */
class CreateNewOverSymbolicLinkTest extends FixtureViewTest {
    /** The test lays out the lower itself, before its view opens: the lower starts empty. */
    @Override
    void layOutLower(Path lower) {
    }

    @ParameterizedTest(name = "over a {0} link")
    @CsvSource({"looping, a", "dangling, missing"})
    void createNewOverALinkFailsAsExistingAndCreatesNothing(String kind, String target) throws Exception {
        Files.createSymbolicLink(lower.resolve("a"), Path.of(target));
        try (FileSystem fs = view()) {
            assertThrows(FileAlreadyExistsException.class, () -> Files.newByteChannel(fs.getPath("/a"),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            assertEquals(List.of("a"), LayerHash.names(fs.getPath("/")), "nothing is created beside the link");
        }
    }
}
