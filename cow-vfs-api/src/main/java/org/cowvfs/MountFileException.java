package org.cowvfs;

import java.nio.file.FileSystemException;

/**
 * A {@code .mount} file that cannot be honoured: a syntax error, a bad or missing target, a
 * target outside the allowed mount sources, or too deep an expansion.
 *
 * <p>It is raised by every access that needs the stack of the directory holding the file, until
 * the file is fixed. {@link #getFile()} names the {@code .mount} file (as a path of the layer it
 * lies in), {@link #lineNumber()} the offending line (1-based; 0 when the error concerns the file as
 * a whole) and {@link #getReason()} what was wrong.
 */
public class MountFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    /**
     * Creates an exception for one line of a {@code .mount} file.
     *
     * @param file the {@code .mount} file, as a string naming it in its layer
     * @param lineNumber the 1-based line number, or 0 for the whole file
     * @param reason what was wrong, for example {@code unknown keyword 'mount'}
     */
    public MountFileException(String file, int lineNumber, String reason) {
        super(file, null, reason);
        this.lineNumber = lineNumber;
    }

    /**
     * The line the error is on.
     *
     * @return the 1-based line number, or 0 when the error concerns the whole file
     */
    public int lineNumber() {
        return lineNumber;
    }

    @Override
    public String getMessage() {
        return getFile() + (lineNumber > 0 ? ":" + lineNumber : "") + ": " + getReason();
    }
}
