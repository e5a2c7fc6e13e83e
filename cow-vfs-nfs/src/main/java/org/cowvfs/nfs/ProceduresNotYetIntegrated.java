package org.cowvfs.nfs;

import org.cowvfs.CowFileSystem;

/**
 * Stands in for {@code CowExport}, the NFS 3 and MOUNT 3 procedures, until they are integrated;
 * integration replaces the body of {@link ExportFactory#standard()} with {@code CowExport::new}
 * and deletes this class.
 */
final class ProceduresNotYetIntegrated {
    private ProceduresNotYetIntegrated() {
    }

    /**
     * Refuses to make an export.
     *
     * @param view the view that would be exported
     * @param options the export's options
     * @return never
     * @throws UnsupportedOperationException always
     */
    static ExportPrograms create(CowFileSystem view, ExportOptions options) {
        throw new UnsupportedOperationException("procedures not yet integrated");
    }
}
