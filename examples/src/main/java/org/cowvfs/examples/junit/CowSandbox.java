package org.cowvfs.examples.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.cowvfs.WhiteoutFormat;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test a fresh, private, writable view over fixture directories: put it on a test
 * method's parameter, or on an instance field, of type {@link java.nio.file.Path} (the view's root
 * directory) or {@link org.cowvfs.CowFileSystem} (the view). Each test gets its own view, in memory
 * ({@link org.cowvfs.CowSandbox}), so tests may change anything and never see each other's changes;
 * the view is closed after the test, and when the test fails its changes are reported.
 *
 * <pre>{@code
 * @Test
 * void editsTheConfig(@CowSandbox("/fixtures/app") Path root) throws IOException {
 *     Files.writeString(root.resolve("config.txt"), "changed");
 * }
 * }</pre>
 *
 * <p>Within one test, every {@code @CowSandbox} with the same fixtures and format names the same view,
 * so a {@code @BeforeEach} method can prepare what the test then reads.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@ExtendWith(SandboxExtension.class)
public @interface CowSandbox {
    /**
     * The fixture directories, top-most first. Each is a class-path resource of the test class
     * (resolved as {@link Class#getResource(String)} does: relative to the class's package unless it
     * starts with {@code /}) that is a directory on disk, or else a directory relative to the working
     * directory (the project directory under Maven), or an absolute one.
     *
     * @return the fixture directories
     */
    String[] value();

    /**
     * The whiteout format of the view's writable layer. Default: {@link WhiteoutFormat#COWNFSD}.
     *
     * @return the format
     */
    WhiteoutFormat whiteouts() default WhiteoutFormat.COWNFSD;
}
