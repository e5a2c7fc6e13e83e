package org.cowvfs.nfs;

import java.io.IOException;
import org.cowvfs.CowFileSystem;
import org.cowvfs.nfs.export.CowExport;

/**
 * Makes the RPC programs that export a view: the single point where the server and the command
 * line meet the NFS procedures, so that both can be built and tested against any implementation.
 */
@FunctionalInterface
public interface ExportFactory {
    /**
     * Makes the programs exporting a view.
     *
     * @param view the open view; the caller closes it after the programs
     * @param options how the export treats its clients
     * @return the programs, which the caller closes
     * @throws IOException if the export's bookkeeping cannot be read or created
     */
    ExportPrograms create(CowFileSystem view, ExportOptions options) throws IOException;

    /**
     * The export of this module, which {@code cow-nfsd} serves.
     *
     * @return {@link CowExport}'s constructor
     */
    static ExportFactory standard() {
        return CowExport::new;
    }
}
