package org.cowvfs.core;

import java.nio.file.CopyOption;
import java.nio.file.LinkOption;

/**
 * Reading the option arrays of {@code Files} calls ({@link LinkOption} is also a
 * {@link CopyOption}, so one check serves copy, move and attribute calls).
 */
public final class Options {
    private Options() {
    }

    /** Whether {@code wanted} is among {@code options}. */
    public static boolean has(CopyOption[] options, CopyOption wanted) {
        for (CopyOption option : options) {
            if (option == wanted) {
                return true;
            }
        }
        return false;
    }

    /** Whether a call with {@code options} follows a final symbolic link. */
    public static boolean follows(CopyOption... options) {
        return !has(options, LinkOption.NOFOLLOW_LINKS);
    }
}
