package org.cowvfs.examples.junit;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Finds the directories a {@link CowSandbox} names: first among the test class's resources (which must
 * lie in a directory, not a jar, to serve as a layer), then as a path relative to the working
 * directory.
 */
final class FixtureDirectories {
    private FixtureDirectories() {
    }

    static List<Path> resolve(String[] names, Class<?> testClass) {
        List<Path> dirs = new ArrayList<>();
        for (String name : names) {
            dirs.add(resolve(name, testClass));
        }
        return dirs;
    }

    private static Path resolve(String name, Class<?> testClass) {
        URL resource = testClass.getResource(name);
        if (resource != null && "file".equals(resource.getProtocol())) {
            try {
                Path dir = Path.of(resource.toURI());
                if (Files.isDirectory(dir)) {
                    return dir;
                }
            } catch (URISyntaxException e) {
                throw new ExtensionConfigurationException(
                        "@CowSandbox fixture '" + name + "': bad resource URL " + resource, e);
            }
        }
        Path dir = Path.of(name);
        if (Files.isDirectory(dir)) {
            return dir.toAbsolutePath();
        }
        throw new ExtensionConfigurationException("@CowSandbox fixture '" + name + "' is neither a directory among the "
                + "resources of " + testClass.getName() + " nor a directory relative to "
                + Path.of("").toAbsolutePath());
    }
}
