package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The edge-case catalogue (section 8 of {@code semantics-anchors.md}), item by item: each item that
 * applies to the Java provider and the test that pins it. Tests named here by their method alone
 * are in this class, a quoted name being a case of the parameterized test above it; the lower
 * layer is hashed before and after every test.
 *
 * <pre>
 * A    throughTheView:
 *    1 "an upper file hides the lower file of the same name"
 *    2 "an upper file hides a lower directory and everything below it"
 *    3 "an upper directory hides a lower file of the same name"
 *    4 mergedDirectoryShowsTheUpperDirectorysModeAndTime
 *    5 WhiteoutTest#realEntryBeatsAStaleWhiteoutInItsOwnLayer
 *    6 WhiteoutTest#whiteoutInAMiddleLayerHidesOnlyLayersBelowIt
 *    7 WhiteoutTest#creatingAMarkerNameFailsAsReservedName
 *    9 dotDotAtTheRootStaysAtTheRoot
 *   10 namesUpToTheStoreLimitWorkAndLongerOnesFailAsTheStoreFailsThem
 *   11 EnvContractTest#lowerThatIsTheRootIsRejected, #lowerInsideTheRootIsRejected,
 *      #lowerContainingTheRootIsRejected
 * B 13 listingManyLowerEntriesWithSomeDeletedShowsEachRemainingNameOnce
 *   14 anEntryCreatedWhileADirectoryStreamIsOpenIsListedAtMostOnce
 *   17 attributesGivenWhileWalkingAreTheOnesReadByPath (fileKey)
 *   18 attributesGivenWhileWalkingAreTheOnesReadByPath (merged subdirectory)
 * C 19 WhiteoutTest#deletingLowerFileLeavesWhiteoutOfTheFormatThatIsNeverListed,
 *      deletingADeepLowerFileKeepsTheModesAndTimesOfItsAncestors
 *   20 deletingAFileMadeInTheViewLeavesNoWhiteout
 *   21 WhiteoutTest#deletingUpperCopyOfLowerFileKeepsItHidden
 *   23 WhiteoutTest#rmdirOfEmptyLowerDirLeavesWhiteout
 *   24 WhiteoutTest#rmdirOfNonEmptyLowerDirFails
 *   25 WhiteoutTest#rmdirOfMergedDirWhoseLowerEntriesAreAllWhitedOutSucceeds
 *   26 WhiteoutTest#rmdirOfDirEmptyInUpperButLiveInLowerFails
 *   27 WhiteoutTest#mkdirAfterRmdirOfLowerDirGivesEmptyOpaqueDir
 *   28 WhiteoutTest#mkdirsAfterRemovingTreeGivesEmptyDeeperDirs
 *   29 WhiteoutTest#whiteoutsAreNotAddressableThroughTheView
 *   30 CopyUpTest#deletedLowerFileStaysReadableThroughAnOpenChannel
 *   31 aWriterOnAFileOfADeletedLowerDirectoryDoesNotBringTheDirectoryBack
 *   32 aChannelOnADeletedFileDoesNotReachAFileCreatedLaterUnderTheSameName
 *   33 deletingOneOfManyLowerSiblingsWritesOnlyItsWhiteout
 * D 34 WhiteoutTest#readingThroughTheViewWritesNothingInTheUpper
 *   35 openingALowerFileForWritingWithoutWritingCopiesNothing
 *   36 CopyUpTest#truncateExistingCopiesNoDataButKeepsMetadata
 *   37 CopyUpTest#truncateToNCopiesOnlyNBytes
 *   38 CopyUpTest#chmodOfALowerFileCopiesNoData
 *   39 aUserXattrOnALowerFileCopiesNoData
 *   40 CopyUpTest#appendCopiesDataAndKeepsModeAndOtherTimes
 *   42 CopyUpTest#interruptedCopyUpLeavesNoTemporaryAndTheLowerVisible
 *   43 JimfsLayersTest#copyUpIntoAFullUpperFailsLeavingNoTemporaryAndTheLowerVisible
 *   44 aLeftoverInTheWorkAreaIsSweptWhenTheViewOpens
 *   45 ConcurrentChangesTest#racingAppendsRenamesAndDeletesLoseNothingAndCopyEachFileOnce
 *   46 CopyUpTest#readerOpenedBeforeAnotherWritersCopyUpSeesTheNewData
 *   47 CopyUpTest#copyUpLeavesParentDirectoryTimesAndModesUnchanged
 *   48 copyUpKeepsSetuidSetgidStickyBitsAndUserXattrs, CopyUpTest#appendCopiesDataAndKeepsModeAndOtherTimes
 *   49 aReadOnlyLowerFileCanBeChmoddedAndDeleted
 *   51 throughTheView "moving a lower symbolic link keeps its target verbatim"
 *   52 chmodOfALowerOnlyDirectoryCopiesTheDirectoryButNoneOfItsChildren
 *   54 EnvContractTest#readOnlyViewRefusesChangesAndWritesNothingAnywhere
 * E    throughTheView:
 *   59 "moving a lower file within its directory"
 *   60 "moving a lower file over an upper file replaces it"
 *   61 "moving an upper file over a lower-only file replaces it"
 *   62 "moving a lower-only directory keeps its whole tree",
 *      LayeredViewSmokeTest#readsWritesDeletesAndMovesThroughTheView
 *   63 "moving a merged directory keeps the children of both layers", MovingMergedDirectoryKeepsItsTimesTest
 *   64 "moving an upper-only directory into a merged parent keeps its contents only"
 *   65 "moving a directory onto a non-empty lower directory fails"
 *   66 "moving a directory onto a merged directory whose entries are all deleted replaces it"
 *   67 movingAcrossTypesActsAsOnADisk
 *   68 "moving a lower directory into its own subdirectory fails and keeps the tree",
 *      MovingDirectoryOntoExistingEntryInsideItTest
 *   69 movingALowerFileOntoItselfChangesNothing
 *   70 "moving onto a deleted lower name shows the moved file after reopening"
 *   71 "an atomic move of a lower file succeeds", atomicMoveOfALowerDirectoryKeepsTheTreeOrIsRefusedChangingNothing
 *   72 "moving onto a lower-only name without replace fails"
 *   73 movingAMountFileAwayUnstacksItsLayersAtOnce
 * F 75 createNewOfALowerOnlyNameFails
 *   76 createDirectoryOverALowerOnlyFileOrDirectoryFails
 *   77 openingWithCreateButNoTruncateKeepsTheData
 *   79 aDirectoryCreatedInTheViewDoesNotMergeADirectoryALayerBelowGainsLater
 *   80 throughTheView "deleting a lower file then creating a directory in its place"
 *   81 throughTheView "deleting a lower directory then writing a file in its place"
 * G 83 CopyUpTest#createLinkToLowerFileCopiesItUpAndNeverLinksTheLowerInode
 *   84 writingOneOfTwoLowerHardLinksLeavesTheOtherWithTheOldData (README: links break)
 *   86 aHardLinkMadeInTheViewIsTheSameFileAsItsSource
 * H 87 LayeredViewSmokeTest#chmodOfLowerFileCopiesMetadataOnlyAndKeepsTheFileKey
 *   88 LayeredViewSmokeTest#chmodOfLowerFileCopiesMetadataOnlyAndKeepsTheFileKey (after the move)
 *   89 distinctNamesWhoseHashesCollideHaveDistinctFileKeys
 *   90 theFileKeyOfACopiedUpFileSurvivesReopeningTheView
 * I 92 aRelativeLinkClimbingAboveTheRootStopsAtTheRoot
 *   93 anAbsoluteLinkInALowerLayerResolvesAgainstTheViewRoot
 *   94 aLinkToADirectoryWalksTheMergedView
 *   95 readingThroughALinkLoopOrATooLongChainFailsWithTooManyLevels,
 *      CreateNewOverSymbolicLinkTest#createNewOverALinkFailsAsExistingAndCreatesNothing (looping)
 *   96 MountFileTest#targetOutsideMountSourcesIsDenied, MountFileTest#symlinkOutOfMountSourcesIsDenied
 * K 107 theFileStoreReportsTheUpperStoresSpace
 *   108 CopyUpTest#copyUpLeavesParentDirectoryTimesAndModesUnchanged, creatingAnEntryChangesTheVisibleParentTime
 *   109 WhiteoutTest#readingThroughTheViewWritesNothingInTheUpper (and every lower hash)
 *   111 CopyUpTest#aReaderOpenedBeforeAChmodKeepsReadingTheData
 * </pre>
 *
 * Skipped:
 * <ul>
 * <li>8: Java cannot mknod; device whiteouts in lower layers are read by
 *     WhiteoutTest#overlayLowerMarkersAreHonoured.</li>
 * <li>12: only case-sensitive stores are at hand (CI runs on Linux).</li>
 * <li>15, 74, 78, 91: NFS cookies, retransmissions, exclusive-create verifiers and handles: NFS only.</li>
 * <li>16, 22, 53, 82: permission denials cannot be shown as root, which CI runs as.</li>
 * <li>41: Java reads no allocated-block counts, so sparseness of a copy cannot be asserted.</li>
 * <li>50: Java cannot create FIFOs or device nodes to copy up.</li>
 * <li>55: a lower file changing during a copy needs a hook inside the copy; not observable from outside.</li>
 * <li>56: README, differences: read-only layers must not change while a view is open.</li>
 * <li>57: no Java analogue (ETXTBSY).</li>
 * <li>58: durability of force(true) is not observable without a crash.</li>
 * <li>85: no Java attribute view of the provider exposes nlink.</li>
 * <li>97-106: cownfsd compatibility quirks; SEMANTICS.md section 2 replaces them (MountFileParserTest, MountFileTest).</li>
 * <li>110: fails: a read through the view updates the lower file's atime on relatime stores
 *     (Java has no O_NOATIME), against README; not fixed here.</li>
 * <li>112: README, differences: a lock taken before a copy-up stays on the lower copy.</li>
 * <li>113: ExtendedOpenOption.DIRECT needs aligned buffers and a store that supports it; not pinned.</li>
 * <li>114-116: performance, measured by the benchmark in examples.</li>
 * </ul>
 */
class CatalogueCoverageTest extends FixtureViewTest {
    private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);

    /** Each test lays out the lower itself, before its first view: the lower starts empty. */
    @Override
    void layOutLower(Path lower) {
    }

    private static Object key(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    /** A step taken on the real layers, {@code (lower, upper)}, before the view opens. */
    @FunctionalInterface
    private interface LayerStep {
        void take(Path lower, Path upper) throws IOException;
    }

    /** A step taken, or a check made, through the view. */
    @FunctionalInterface
    private interface ViewStep {
        void take(FileSystem fs) throws IOException;
    }

    /**
     * A case of {@link #throughTheView}: what the layers hold, the steps taken through the view (a
     * move, say, that may be expected to fail), and what the view shows after them, checked in the
     * order given. Every failure message names the case, since surefire reports a case by its number.
     */
    private static final class Scene {
        private final String name;
        private final List<LayerStep> layout = new ArrayList<>();
        private final List<ViewStep> steps = new ArrayList<>();
        private final List<ViewStep> checks = new ArrayList<>();
        private boolean checkedAfterReopening;

        private Scene(String name) {
            this.name = name;
        }

        Scene lower(String name, String content) {
            layout.add((lower, upper) -> file(lower, name, content));
            return this;
        }

        Scene upper(String name, String content) {
            layout.add((lower, upper) -> file(upper, name, content));
            return this;
        }

        Scene lowerLink(String name, String target) {
            layout.add((lower, upper) -> Files.createSymbolicLink(lower.resolve(name),
                    lower.getFileSystem().getPath(target)));
            return this;
        }

        Scene then(ViewStep step) {
            steps.add(step);
            return this;
        }

        Scene moves(String from, String to, CopyOption... options) {
            return then(fs -> Files.move(fs.getPath(from), fs.getPath(to), options));
        }

        Scene moveFails(Class<? extends FileSystemException> expected, String from, String to, CopyOption... options) {
            return then(fs -> assertThrows(expected, () -> Files.move(fs.getPath(from), fs.getPath(to), options),
                    about(from)));
        }

        /** {@code dir} lists exactly {@code names}, sorted. */
        Scene lists(String dir, String... names) {
            checks.add(fs -> assertEquals(List.of(names), LayerHash.names(fs.getPath(dir)), about(dir)));
            return this;
        }

        Scene reads(String file, String content) {
            checks.add(fs -> assertEquals(content, Files.readString(fs.getPath(file)), about(file)));
            return this;
        }

        Scene isFile(String file) {
            checks.add(fs -> assertTrue(Files.isRegularFile(fs.getPath(file)), about(file)));
            return this;
        }

        Scene isDirectory(String dir) {
            checks.add(fs -> assertTrue(Files.isDirectory(fs.getPath(dir)), about(dir)));
            return this;
        }

        Scene linksTo(String link, String target) {
            checks.add(fs -> {
                assertTrue(Files.isSymbolicLink(fs.getPath(link)), about(link));
                assertEquals(target, Files.readSymbolicLink(fs.getPath(link)).toString(), about(link));
            });
            return this;
        }

        /** Nothing is left at {@code path}, not even a link. */
        Scene gone(String path) {
            checks.add(fs -> assertFalse(Files.exists(fs.getPath(path), LinkOption.NOFOLLOW_LINKS), about(path)));
            return this;
        }

        /** Reading {@code path} fails as the store fails it. */
        Scene unreadable(String path) {
            checks.add(fs -> assertThrows(FileSystemException.class, () -> Files.readString(fs.getPath(path)),
                    about(path)));
            return this;
        }

        /** The checks hold in a view opened again afterwards, too. */
        Scene alsoAfterReopening() {
            checkedAfterReopening = true;
            return this;
        }

        private String about(String path) {
            return name + ": " + path;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Scene scene(String name) {
        return new Scene(name);
    }

    /**
     * The scenes of sections A, E and F, each named for what it shows: lays out the layers of
     * {@code scene}, takes its steps through a view and makes its checks.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource({"hidings", "moves", "replacements"})
    void throughTheView(Scene scene) throws IOException {
        for (LayerStep step : scene.layout) {
            step.take(lower, upper);
        }
        try (FileSystem fs = view()) {
            for (ViewStep step : scene.steps) {
                step.take(fs);
            }
            for (ViewStep check : scene.checks) {
                check.take(fs);
            }
        }
        if (scene.checkedAfterReopening) {
            try (FileSystem fs = view()) {
                for (ViewStep check : scene.checks) {
                    check.take(fs);
                }
            }
        }
    }

    // A. Lookup and visibility

    static Stream<Scene> hidings() {
        return Stream.of(
                scene("an upper file hides the lower file of the same name").lower("x", "lower").upper("x", "upper")
                        .reads("/x", "upper").lists("/", "x"),
                scene("an upper file hides a lower directory and everything below it")
                        .lower("d/x", "lower").upper("d", "upper")
                        .isFile("/d").gone("/d/x").unreadable("/d/x"),
                scene("an upper directory hides a lower file of the same name")
                        .lower("d", "lower").upper("d/y", "upper")
                        .isDirectory("/d").lists("/d", "y"));
    }

    @Test
    void mergedDirectoryShowsTheUpperDirectorysModeAndTime() throws IOException {
        file(lower, "m/a", "a");
        Files.setPosixFilePermissions(lower.resolve("m"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setLastModifiedTime(lower.resolve("m"), OLD);
        file(upper, "m/b", "b");
        Files.setPosixFilePermissions(upper.resolve("m"), PosixFilePermissions.fromString("rwx------"));
        FileTime upperTime = FileTime.fromMillis(OLD.toMillis() + 3_600_000);
        Files.setLastModifiedTime(upper.resolve("m"), upperTime);
        try (FileSystem fs = view()) {
            Path m = fs.getPath("/m");
            assertEquals(List.of("a", "b"), LayerHash.names(m));
            assertEquals("rwx------", mode(m));
            assertEquals(upperTime, Files.getLastModifiedTime(m));
        }
    }

    @Test
    void dotDotAtTheRootStaysAtTheRoot() throws IOException {
        file(lower, "a", "a");
        try (FileSystem fs = view()) {
            assertEquals("a", Files.readString(fs.getPath("/../../a")));
            assertEquals(fs.getPath("/"), fs.getPath("/..").toRealPath());
        }
    }

    @Test
    void namesUpToTheStoreLimitWorkAndLongerOnesFailAsTheStoreFailsThem() throws IOException {
        String longest = "n".repeat(255);
        String tooLong = "n".repeat(256);
        // the cownfsd whiteout prefix ".~~" may shorten the names that can be deleted by its length only
        String deletable = "l".repeat(252);
        file(lower, deletable, "lower");
        file(lower, "k".repeat(255), "lower");
        FileSystemException direct = assertThrows(FileSystemException.class,
                () -> Files.writeString(tmp.resolve(tooLong), "x"));
        try (FileSystem fs = view()) {
            Files.writeString(fs.getPath("/" + longest), "upper");
            assertEquals("upper", Files.readString(fs.getPath("/" + longest)));
            FileSystemException viaView = assertThrows(FileSystemException.class,
                    () -> Files.writeString(fs.getPath("/" + tooLong), "x"));
            assertEquals(direct.getReason(), viaView.getReason());
            Files.delete(fs.getPath("/" + deletable));
            FileSystemException undeletable = assertThrows(FileSystemException.class,
                    () -> Files.delete(fs.getPath("/" + "k".repeat(255))));
            assertEquals(direct.getReason(), undeletable.getReason(), "not an access denial");
            assertEquals(List.of("k".repeat(255), longest), LayerHash.names(fs.getPath("/")));
        }
    }

    // B. readdir

    @Test
    void listingManyLowerEntriesWithSomeDeletedShowsEachRemainingNameOnce() throws IOException {
        Path big = Files.createDirectories(lower.resolve("big"));
        for (int i = 0; i < 2000; i++) {
            Files.createFile(big.resolve("f" + i));
        }
        try (FileSystem fs = view()) {
            for (int i = 0; i < 2000; i += 200) {
                Files.delete(fs.getPath("/big/f" + i));
            }
            List<String> expected = IntStream.range(0, 2000).filter(i -> i % 200 != 0).mapToObj(i -> "f" + i)
                    .sorted().collect(Collectors.toList());
            assertEquals(expected, LayerHash.names(fs.getPath("/big")));
        }
    }

    @Test
    void anEntryCreatedWhileADirectoryStreamIsOpenIsListedAtMostOnce() throws IOException {
        file(lower, "d/a", "a");
        file(lower, "d/b", "b");
        try (FileSystem fs = view()) {
            List<String> seen = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(fs.getPath("/d"))) {
                for (Path p : stream) {
                    if (seen.isEmpty()) {
                        Files.writeString(fs.getPath("/d/c"), "c");
                    }
                    seen.add(p.getFileName().toString());
                }
            }
            assertTrue(seen.containsAll(List.of("a", "b")), seen::toString);
            assertEquals(new HashSet<>(seen).size(), seen.size(), seen::toString);
            assertEquals(List.of("a", "b", "c"), LayerHash.names(fs.getPath("/d")));
        }
    }

    @Test
    void attributesGivenWhileWalkingAreTheOnesReadByPath() throws IOException {
        file(lower, "m/lower", "l");
        file(lower, "m/copied", "c");
        file(upper, "m/upper", "u");
        try (FileSystem fs = view()) {
            Files.writeString(fs.getPath("/m/copied"), "changed", StandardOpenOption.APPEND);
            Map<Path, BasicFileAttributes> walked = new HashMap<>();
            Files.walkFileTree(fs.getPath("/"), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    walked.put(dir, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    walked.put(file, attrs);
                    return FileVisitResult.CONTINUE;
                }
            });
            assertEquals(5, walked.size(), walked.keySet()::toString);
            for (Map.Entry<Path, BasicFileAttributes> e : walked.entrySet()) {
                BasicFileAttributes byPath = Files.readAttributes(e.getKey(), BasicFileAttributes.class);
                BasicFileAttributes listed = e.getValue();
                assertEquals(byPath.fileKey(), listed.fileKey(), e.getKey()::toString);
                assertEquals(byPath.lastModifiedTime(), listed.lastModifiedTime(), e.getKey()::toString);
                assertEquals(byPath.size(), listed.size(), e.getKey()::toString);
                assertEquals(byPath.isDirectory(), listed.isDirectory(), e.getKey()::toString);
            }
        }
    }

    // C. Deletion

    @Test
    void deletingADeepLowerFileKeepsTheModesAndTimesOfItsAncestors() throws IOException {
        file(lower, "a/b/c/f", "f");
        for (String dir : List.of("a", "a/b", "a/b/c")) {
            Files.setPosixFilePermissions(lower.resolve(dir), PosixFilePermissions.fromString("rwxr-x--x"));
            Files.setLastModifiedTime(lower.resolve(dir), OLD);
        }
        try (FileSystem fs = view()) {
            Files.delete(fs.getPath("/a/b/c/f"));
            assertFalse(Files.exists(fs.getPath("/a/b/c/f")));
            for (String dir : List.of("/a", "/a/b", "/a/b/c")) {
                assertEquals("rwxr-x--x", mode(fs.getPath(dir)), dir);
            }
            assertEquals(OLD, Files.getLastModifiedTime(fs.getPath("/a")));
            assertEquals(OLD, Files.getLastModifiedTime(fs.getPath("/a/b")));
        }
    }

    @Test
    void deletingAFileMadeInTheViewLeavesNoWhiteout() throws IOException {
        Files.createDirectories(lower.resolve("d"));
        try (FileSystem fs = view()) {
            Files.writeString(fs.getPath("/d/new"), "new");
            Files.delete(fs.getPath("/d/new"));
            assertFalse(Files.exists(fs.getPath("/d/new")));
            assertEquals(List.of(), LayerHash.names(upper.resolve("d")));
        }
    }

    /** Opens {@code file} for writing, takes {@code meanwhile} through the view, then writes {@code late} to it. */
    private static void writeLate(FileSystem fs, String file, String late, ViewStep meanwhile) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(fs.getPath(file), StandardOpenOption.WRITE)) {
            meanwhile.take(fs);
            ch.write(ByteBuffer.wrap(late.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aWriterOnAFileOfADeletedLowerDirectoryDoesNotBringTheDirectoryBack() throws IOException {
        file(lower, "d/x", "lower");
        try (FileSystem fs = view()) {
            writeLate(fs, "/d/x", "late", meanwhile -> deleteInTurn(meanwhile, "/d/x", "/d"));
            assertFalse(Files.exists(fs.getPath("/d")));
            assertEquals(List.of(), LayerHash.names(fs.getPath("/")));
        }
    }

    @Test
    void aChannelOnADeletedFileDoesNotReachAFileCreatedLaterUnderTheSameName() throws IOException {
        file(lower, "x", "old");
        try (FileSystem fs = view()) {
            writeLate(fs, "/x", "zzzzz", meanwhile -> {
                Files.delete(meanwhile.getPath("/x"));
                Files.writeString(meanwhile.getPath("/x"), "new");
            });
            assertEquals("new", Files.readString(fs.getPath("/x")));
        }
    }

    @Test
    void deletingOneOfManyLowerSiblingsWritesOnlyItsWhiteout() throws IOException {
        for (int i = 0; i < 100; i++) {
            file(lower, "d/f" + i, "f");
        }
        try (FileSystem fs = view()) {
            Files.delete(fs.getPath("/d/f5"));
            assertEquals(99, LayerHash.names(fs.getPath("/d")).size());
        }
        assertEquals(List.of(".~~f5"), LayerHash.names(upper.resolve("d")));
    }

    // D. Copy-up

    @Test
    void openingALowerFileForWritingWithoutWritingCopiesNothing() throws IOException {
        file(lower, "d/x", "lower");
        try (FileSystem fs = view()) {
            Files.newByteChannel(fs.getPath("/d/x"), StandardOpenOption.WRITE).close();
            assertFalse(Files.exists(upper.resolve("d/x")));
            assertEquals("lower", Files.readString(fs.getPath("/d/x")));
        }
    }

    @Test
    void aUserXattrOnALowerFileCopiesNoData() throws IOException {
        Assumptions.assumeTrue(userXattrsWork(tmp), "the temp dir's store has no user xattrs");
        byte[] data = new byte[1 << 20];
        Arrays.fill(data, (byte) 'L');
        Files.write(lower.resolve("big"), data);
        try (FileSystem fs = view()) {
            Path big = fs.getPath("/big");
            UserDefinedFileAttributeView view = Files.getFileAttributeView(big, UserDefinedFileAttributeView.class);
            view.write("tag", StandardCharsets.UTF_8.encode("v"));
            try (SeekableByteChannel raw = Files.newByteChannel(upper.resolve("big"))) {
                ByteBuffer head = ByteBuffer.allocate(4096);
                raw.read(head);
                assertArrayEquals(new byte[4096], head.array(), "the upper copy holds no data, only a hole");
            }
            assertEquals(List.of("tag"), view.list());
            assertArrayEquals(data, Files.readAllBytes(big));
        }
    }

    @Test
    void aLeftoverInTheWorkAreaIsSweptWhenTheViewOpens() throws IOException {
        Path leftover = file(upper, ".cow/work/#dead-1", "partial");
        try (FileSystem fs = view()) {
            assertFalse(Files.exists(leftover));
            assertEquals(List.of(), LayerHash.names(fs.getPath("/")));
        }
    }

    @Test
    void copyUpKeepsSetuidSetgidStickyBitsAndUserXattrs() throws IOException {
        Path f = file(lower, "f", "data");
        Files.setAttribute(f, "unix:mode", 07750);
        boolean xattrs = userXattrsWork(tmp);
        if (xattrs) {
            Files.getFileAttributeView(f, UserDefinedFileAttributeView.class)
                    .write("kept", StandardCharsets.UTF_8.encode("yes"));
        }
        try (FileSystem fs = view()) {
            Files.writeString(fs.getPath("/f"), "+", StandardOpenOption.APPEND);
            assertEquals(07750, (int) Files.getAttribute(upper.resolve("f"), "unix:mode") & 07777);
            if (xattrs) {
                assertEquals(List.of("kept"), Files.getFileAttributeView(fs.getPath("/f"),
                        UserDefinedFileAttributeView.class).list());
            }
            assertEquals("data+", Files.readString(fs.getPath("/f")));
        }
    }

    /**
     * A copy-up by root gives the copy the lower file's owner and group, then its whole mode:
     * setuid and setgid, which a change of owner clears, are set after it.
     */
    @Test
    void aCopyUpByRootKeepsAnotherUsersOwnershipAndSetuidBits() throws IOException {
        Path f = file(lower, "f", "data");
        Assumptions.assumeTrue((Integer) Files.getAttribute(f, "unix:uid") == 0, "only root may give files away");
        Files.setAttribute(f, "unix:uid", 4321);
        Files.setAttribute(f, "unix:gid", 4322);
        Files.setAttribute(f, "unix:mode", 06755);
        try (FileSystem fs = view()) {
            Files.writeString(fs.getPath("/f"), "+", StandardOpenOption.APPEND);
            Map<String, Object> copy = Files.readAttributes(upper.resolve("f"), "unix:uid,gid,mode");
            assertEquals(4321, copy.get("uid"));
            assertEquals(4322, copy.get("gid"));
            assertEquals(06755, (int) copy.get("mode") & 07777);
        }
    }

    @Test
    void aReadOnlyLowerFileCanBeChmoddedAndDeleted() throws IOException {
        Path a = file(lower, "a", "a");
        Path b = file(lower, "b", "b");
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(b, PosixFilePermissions.fromString("r--r--r--"));
        try (FileSystem fs = view()) {
            Files.setPosixFilePermissions(fs.getPath("/a"), PosixFilePermissions.fromString("rw-r--r--"));
            assertEquals("rw-r--r--", mode(fs.getPath("/a")));
            assertEquals("a", Files.readString(fs.getPath("/a")));
            Files.delete(fs.getPath("/b"));
            assertFalse(Files.exists(fs.getPath("/b")));
        }
    }

    @Test
    void chmodOfALowerOnlyDirectoryCopiesTheDirectoryButNoneOfItsChildren() throws IOException {
        file(lower, "d/a", "a");
        file(lower, "d/e/f", "f");
        try (FileSystem fs = view()) {
            Files.setPosixFilePermissions(fs.getPath("/d"), PosixFilePermissions.fromString("rwx------"));
            assertEquals("rwx------", mode(fs.getPath("/d")));
            assertEquals(List.of(), LayerHash.names(upper.resolve("d")));
            assertEquals(List.of("a", "e"), LayerHash.names(fs.getPath("/d")));
            assertEquals("f", Files.readString(fs.getPath("/d/e/f")));
        }
    }

    // E. Rename and move

    static Stream<Scene> moves() {
        return Stream.of(
                scene("moving a lower file within its directory").lower("d/a", "A")
                        .moves("/d/a", "/d/b")
                        .lists("/d", "b").reads("/d/b", "A"),
                scene("moving a lower file over an upper file replaces it").lower("a", "lower").upper("t", "upper")
                        .moves("/a", "/t", StandardCopyOption.REPLACE_EXISTING)
                        .reads("/t", "lower").lists("/", "t"),
                scene("moving an upper file over a lower-only file replaces it").lower("t", "lower").upper("a", "upper")
                        .moves("/a", "/t", StandardCopyOption.REPLACE_EXISTING)
                        .reads("/t", "upper").lists("/", "t"),
                scene("moving a lower-only directory keeps its whole tree").lower("d/a", "a").lower("d/e/f", "f")
                        .moves("/d", "/n")
                        .lists("/", "n").lists("/n", "a", "e").reads("/n/e/f", "f"),
                scene("moving a merged directory keeps the children of both layers")
                        .lower("d/low", "l").lower("d/sub/deep", "deep").upper("d/up", "u")
                        .moves("/d", "/n")
                        .gone("/d").lists("/n", "low", "sub", "up").reads("/n/sub/deep", "deep"),
                scene("moving an upper-only directory into a merged parent keeps its contents only")
                        .lower("p/other", "o").upper("u/x", "x")
                        .moves("/u", "/p/u")
                        .lists("/p", "other", "u").lists("/p/u", "x"),
                scene("moving a directory onto a non-empty lower directory fails")
                        .lower("t/keep", "k").lower("s/x", "x")
                        .moveFails(DirectoryNotEmptyException.class, "/s", "/t", StandardCopyOption.REPLACE_EXISTING)
                        .lists("/t", "keep").lists("/s", "x"),
                scene("moving a directory onto a merged directory whose entries are all deleted replaces it")
                        .lower("t/gone", "g").lower("s/x", "x")
                        .then(fs -> Files.delete(fs.getPath("/t/gone")))
                        .moves("/s", "/t", StandardCopyOption.REPLACE_EXISTING)
                        .lists("/t", "x").lists("/", "t"),
                scene("moving a lower directory into its own subdirectory fails and keeps the tree").lower("a/b/c", "c")
                        .moveFails(FileSystemException.class, "/a", "/a/b/x")
                        .lists("/", "a").lists("/a/b", "c"),
                scene("moving onto a deleted lower name shows the moved file after reopening").lower("t", "old")
                        .then(fs -> Files.delete(fs.getPath("/t")))
                        .then(fs -> Files.writeString(fs.getPath("/u"), "new"))
                        .moves("/u", "/t")
                        .reads("/t", "new").lists("/", "t").alsoAfterReopening(),
                scene("an atomic move of a lower file succeeds").lower("a", "a")
                        .moves("/a", "/b", StandardCopyOption.ATOMIC_MOVE)
                        .lists("/", "b").reads("/b", "a"),
                scene("moving onto a lower-only name without replace fails").lower("t", "lower").lower("a", "a")
                        .moveFails(FileAlreadyExistsException.class, "/a", "/t")
                        .reads("/t", "lower").reads("/a", "a"),
                scene("moving a lower symbolic link keeps its target verbatim").lowerLink("link", "nowhere/../x")
                        .moves("/link", "/moved")
                        .linksTo("/moved", "nowhere/../x").gone("/link"));
    }

    @Test
    void movingAcrossTypesActsAsOnADisk() throws IOException {
        Files.createDirectories(lower.resolve("emptyDir"));
        file(lower, "fullDir/x", "x");
        file(lower, "file", "f");
        file(lower, "srcFile", "s");
        file(lower, "srcDir/y", "y");
        try (FileSystem fs = view()) {
            assertThrows(DirectoryNotEmptyException.class, () -> Files.move(fs.getPath("/srcFile"),
                    fs.getPath("/fullDir"), StandardCopyOption.REPLACE_EXISTING));
            assertThrows(FileAlreadyExistsException.class,
                    () -> Files.move(fs.getPath("/srcFile"), fs.getPath("/emptyDir")));
            Files.move(fs.getPath("/srcFile"), fs.getPath("/emptyDir"), StandardCopyOption.REPLACE_EXISTING);
            assertEquals("s", Files.readString(fs.getPath("/emptyDir")));
            Files.move(fs.getPath("/srcDir"), fs.getPath("/file"), StandardCopyOption.REPLACE_EXISTING);
            assertEquals(List.of("y"), LayerHash.names(fs.getPath("/file")));
        }
    }

    @Test
    void movingALowerFileOntoItselfChangesNothing() throws IOException {
        file(lower, "a", "a");
        try (FileSystem fs = view()) {
            Files.move(fs.getPath("/a"), fs.getPath("/a"));
            Files.move(fs.getPath("/a"), fs.getPath("/a"), StandardCopyOption.REPLACE_EXISTING);
            assertEquals("a", Files.readString(fs.getPath("/a")));
            assertEquals(List.of(), LayerHash.names(upper).stream().filter(n -> !n.equals(".cow"))
                    .collect(Collectors.toList()));
        }
    }

    @Test
    void atomicMoveOfALowerDirectoryKeepsTheTreeOrIsRefusedChangingNothing() throws IOException {
        file(lower, "d/e/f", "f");
        try (FileSystem fs = view()) {
            try {
                Files.move(fs.getPath("/d"), fs.getPath("/n"), StandardCopyOption.ATOMIC_MOVE);
                assertEquals("f", Files.readString(fs.getPath("/n/e/f")));
                assertEquals(List.of("n"), LayerHash.names(fs.getPath("/")));
            } catch (AtomicMoveNotSupportedException refused) {
                assertEquals("f", Files.readString(fs.getPath("/d/e/f")));
                assertEquals(List.of("d"), LayerHash.names(fs.getPath("/")));
            }
        }
    }

    @Test
    void movingAMountFileAwayUnstacksItsLayersAtOnce() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("target"));
        file(target, "x", "x");
        file(upper, "vm/.mount", "read \"" + target + "\"\n");
        try (FileSystem fs = view()) {
            assertEquals(List.of(".mount", "x"), LayerHash.names(fs.getPath("/vm")));
            Files.move(fs.getPath("/vm/.mount"), fs.getPath("/vm/mount.off"));
            assertEquals(List.of("mount.off"), LayerHash.names(fs.getPath("/vm")));
        }
        assertEquals(List.of("x"), LayerHash.names(target));
    }

    // F. Create and mkdir

    @Test
    void createNewOfALowerOnlyNameFails() throws IOException {
        file(lower, "x", "lower");
        try (FileSystem fs = view()) {
            assertThrows(FileAlreadyExistsException.class, () -> Files.newByteChannel(fs.getPath("/x"),
                    StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW).close());
            assertEquals("lower", Files.readString(fs.getPath("/x")));
        }
    }

    @Test
    void createDirectoryOverALowerOnlyFileOrDirectoryFails() throws IOException {
        file(lower, "f", "lower");
        file(lower, "d/x", "x");
        try (FileSystem fs = view()) {
            assertThrows(FileAlreadyExistsException.class, () -> Files.createDirectory(fs.getPath("/f")));
            assertThrows(FileAlreadyExistsException.class, () -> Files.createDirectory(fs.getPath("/d")));
            assertEquals("lower", Files.readString(fs.getPath("/f")));
            assertEquals(List.of("x"), LayerHash.names(fs.getPath("/d")));
        }
    }

    @Test
    void openingWithCreateButNoTruncateKeepsTheData() throws IOException {
        file(lower, "low", "abcdef");
        try (FileSystem fs = view()) {
            Files.writeString(fs.getPath("/up"), "abcdef");
            for (String name : List.of("/up", "/low")) {
                try (SeekableByteChannel ch = Files.newByteChannel(fs.getPath(name),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap("XY".getBytes(StandardCharsets.UTF_8)));
                }
                assertEquals("XYcdef", Files.readString(fs.getPath(name)), name);
            }
        }
    }

    @Test
    void aDirectoryCreatedInTheViewDoesNotMergeADirectoryALayerBelowGainsLater() throws IOException {
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        file(extra, "n/x", "x");
        file(extra, "other", "o");
        try (FileSystem fs = view()) {
            Files.createDirectory(fs.getPath("/n"));
            Files.writeString(fs.getPath("/.mount"), "read \"" + extra + "\"\n");
            assertEquals(List.of(".mount", "n", "other"), LayerHash.names(fs.getPath("/")));
            assertEquals(List.of(), LayerHash.names(fs.getPath("/n")));
        }
    }

    static Stream<Scene> replacements() {
        return Stream.of(
                scene("deleting a lower file then creating a directory in its place").lower("x", "lower")
                        .then(fs -> Files.delete(fs.getPath("/x")))
                        .then(fs -> Files.createDirectory(fs.getPath("/x")))
                        .isDirectory("/x").lists("/x").alsoAfterReopening(),
                scene("deleting a lower directory then writing a file in its place").lower("d/x", "x")
                        .then(fs -> deleteInTurn(fs, "/d/x", "/d"))
                        .then(fs -> Files.writeString(fs.getPath("/d"), "file"))
                        .reads("/d", "file").gone("/d/x").unreadable("/d/x"));
    }

    // G. Hard links

    @Test
    void writingOneOfTwoLowerHardLinksLeavesTheOtherWithTheOldData() throws IOException {
        Path a = file(lower, "a", "old");
        Files.createLink(lower.resolve("b"), a);
        try (FileSystem fs = view()) {
            Files.writeString(fs.getPath("/a"), "new");
            assertEquals("new", Files.readString(fs.getPath("/a")));
            assertEquals("old", Files.readString(fs.getPath("/b")), "documented in README: the link breaks");
        }
    }

    @Test
    void aHardLinkMadeInTheViewIsTheSameFileAsItsSource() throws IOException {
        file(lower, "a", "a");
        try (FileSystem fs = view()) {
            Files.createLink(fs.getPath("/c"), fs.getPath("/a"));
            assertTrue(Files.isSameFile(fs.getPath("/a"), fs.getPath("/c")));
            assertEquals(key(fs.getPath("/a")), key(fs.getPath("/c")));
        }
    }

    // H. Identity

    @Test
    void distinctNamesWhoseHashesCollideHaveDistinctFileKeys() throws IOException {
        List<String> names = List.of("!c", "jb", "Ab", "ba");
        for (String n : names) {
            file(lower, n, n);
        }
        try (FileSystem fs = view()) {
            Files.writeString(fs.getPath("/x1"), "1");
            Files.writeString(fs.getPath("/Ab"), "+", StandardOpenOption.APPEND);
            Set<Object> keys = new HashSet<>();
            for (String n : List.of("!c", "jb", "Ab", "ba", "x1")) {
                keys.add(key(fs.getPath("/" + n)));
            }
            assertEquals(5, keys.size());
        }
    }

    @Test
    void theFileKeyOfACopiedUpFileSurvivesReopeningTheView() throws IOException {
        Assumptions.assumeTrue(userXattrsWork(tmp), "keys are kept only where user xattrs work (README)");
        file(lower, "f", "f");
        Object before;
        try (FileSystem fs = view()) {
            before = key(fs.getPath("/f"));
            Files.writeString(fs.getPath("/f"), "+", StandardOpenOption.APPEND);
            assertEquals(before, key(fs.getPath("/f")));
        }
        try (FileSystem fs = view()) {
            assertEquals(before, key(fs.getPath("/f")));
        }
    }

    // I. Symlinks

    @Test
    void aRelativeLinkClimbingAboveTheRootStopsAtTheRoot() throws IOException {
        file(tmp, "x", "outside");
        file(lower, "x", "inside");
        Files.createDirectories(lower.resolve("d/e"));
        Files.createSymbolicLink(lower.resolve("d/e/up"), lower.getFileSystem().getPath("../../../x"));
        try (FileSystem fs = view()) {
            assertEquals("inside", Files.readString(fs.getPath("/d/e/up")));
        }
    }

    @Test
    void anAbsoluteLinkInALowerLayerResolvesAgainstTheViewRoot() throws IOException {
        file(lower, "etc/target", "inside");
        Files.createSymbolicLink(lower.resolve("abs"), lower.getFileSystem().getPath("/etc/target"));
        try (FileSystem fs = view()) {
            assertEquals("inside", Files.readString(fs.getPath("/abs")));
            assertEquals(fs.getPath("/etc/target"), fs.getPath("/abs").toRealPath());
        }
    }

    @Test
    void aLinkToADirectoryWalksTheMergedView() throws IOException {
        file(lower, "real/a", "a");
        file(upper, "real/b", "b");
        Files.createSymbolicLink(lower.resolve("link"), lower.getFileSystem().getPath("real"));
        try (FileSystem fs = view()) {
            assertEquals(List.of("a", "b"), LayerHash.names(fs.getPath("/link")));
            assertEquals("b", Files.readString(fs.getPath("/link/b")));
        }
    }

    @Test
    void readingThroughALinkLoopOrATooLongChainFailsWithTooManyLevels() throws IOException {
        Files.createSymbolicLink(lower.resolve("loop1"), lower.getFileSystem().getPath("loop2"));
        Files.createSymbolicLink(lower.resolve("loop2"), lower.getFileSystem().getPath("loop1"));
        file(lower, "end", "end");
        Files.createSymbolicLink(lower.resolve("l0"), lower.getFileSystem().getPath("end"));
        for (int i = 1; i <= 41; i++) {
            Files.createSymbolicLink(lower.resolve("l" + i), lower.getFileSystem().getPath("l" + (i - 1)));
        }
        try (FileSystem fs = view()) {
            for (String name : List.of("/loop1", "/l41")) {
                FileSystemException e = assertThrows(FileSystemException.class,
                        () -> Files.readString(fs.getPath(name)));
                assertEquals("Too many levels of symbolic links", e.getReason(), name);
            }
            assertEquals("end", Files.readString(fs.getPath("/l1")));
        }
    }

    // K. Attributes

    @Test
    void theFileStoreReportsTheUpperStoresSpace() throws IOException {
        try (FileSystem fs = view()) {
            assertEquals(Files.getFileStore(upper).getTotalSpace(), Files.getFileStore(fs.getPath("/")).getTotalSpace());
        }
    }

    @Test
    void creatingAnEntryChangesTheVisibleParentTime() throws IOException {
        Files.createDirectories(lower.resolve("d"));
        Files.setLastModifiedTime(lower.resolve("d"), OLD);
        try (FileSystem fs = view()) {
            Files.writeString(fs.getPath("/d/new"), "new");
            assertNotEquals(OLD, Files.getLastModifiedTime(fs.getPath("/d")));
        }
    }
}
