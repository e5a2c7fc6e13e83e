package org.cowvfs.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cowvfs.Change;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.cowvfs.WhiteoutFormat;

/**
 * Layers as a container engine stacks them: an image of three layers (base, runtime, app) in which
 * a higher layer deletes a lower directory with an OCI whiteout ({@code .wh.name}); a container, a
 * writable view on the image, whose changes are listed as {@code docker diff} lists them and
 * committed as a new layer ({@code docker commit}); and a second container started from the image
 * with the committed layer on top.
 *
 * <p>Usage: {@code ContainerLikeLayers [work-dir]} (default: a new temporary directory).
 */
public final class ContainerLikeLayers {
    private ContainerLikeLayers() {
    }

    public static void main(String[] args) throws IOException {
        ExampleRun.main(args, "cow-vfs-containers", ContainerLikeLayers::run);
    }

    /** Runs the demonstration in {@code work}, writing what it shows to {@code out}. */
    static void run(Path work, PrintStream out) throws IOException {
        Path base = layer(work.resolve("image/base"), "etc/os-release", "NAME=tiny\n", "bin/sh", "#!/bin/sh\n",
                "usr/share/doc/README", "manuals\n");
        Path runtime = layer(work.resolve("image/runtime"), "usr/lib/jvm/release", "JAVA_VERSION=17\n",
                "usr/share/.wh.doc", "");
        Path app = layer(work.resolve("image/app"), "app/app.jar", "application\n", "etc/app.conf", "port=8080\n");
        List<Path> image = List.of(app, runtime, base);
        List<String> hashes = hashes(image);
        Path committed = work.resolve("image/committed");

        try (CowFileSystem container = containerOn(work.resolve("containers/first"), image)) {
            FileSystem fs = container.asFileSystem();
            out.println("container /usr/share: " + DirectoryTree.children(fs.getPath("/usr/share"))
                    + " (runtime deleted doc)");
            Files.writeString(fs.getPath("/etc/app.conf"), "port=9090\n");
            Files.createDirectories(fs.getPath("/app/data"));
            Files.writeString(fs.getPath("/app/data/state.json"), "{\"runs\": 1}\n");
            Files.delete(fs.getPath("/bin/sh"));
            out.println("docker diff:");
            for (Change change : container.changes()) {
                out.println("  " + change);
            }
            container.commit(committed);
        }
        out.println("committed layer holds: " + DirectoryTree.names(committed));

        List<Path> extended = Stream.concat(Stream.of(committed), image.stream()).toList();
        try (CowFileSystem next = containerOn(work.resolve("containers/second"), extended)) {
            FileSystem fs = next.asFileSystem();
            out.println("second container /etc/app.conf: " + Files.readString(fs.getPath("/etc/app.conf")).trim());
            out.println("second container /app/data: " + DirectoryTree.children(fs.getPath("/app/data")));
            out.println("second container /bin: " + DirectoryTree.children(fs.getPath("/bin")));
            out.println("second container changes: " + next.changes());
        }
        out.println("image layers " + (hashes.equals(hashes(image)) ? "untouched" : "CHANGED!"));
    }

    private static CowFileSystem containerOn(Path rw, List<Path> image) throws IOException {
        return CowConfig.builder(Files.createDirectories(rw)).lower(image).whiteouts(WhiteoutFormat.OCI).build().open();
    }

    /** A layer directory holding the given files: path, content, path, content, ... */
    private static Path layer(Path dir, String... pathsAndContents) throws IOException {
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = dir.resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndContents[i + 1]);
        }
        return dir;
    }

    private static List<String> hashes(List<Path> layers) throws IOException {
        List<String> hashes = new ArrayList<>();
        for (Path layer : layers) {
            hashes.add(DirectoryTree.sha256(layer));
        }
        return hashes;
    }
}
