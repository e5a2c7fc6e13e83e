package org.cowvfs.nfs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What most export tests share: a fresh {@link ExportFixture} per test with its root client and
 * root handle, and after each test the check every module keeps, that the lower layer was not
 * written.
 */
abstract class ExportTestBase {
    @TempDir
    Path tmp;
    ExportFixture fixture;
    RpcClient client;
    NfsFh3 root;
    private String lowerBefore;

    @BeforeEach
    void openExport() throws IOException {
        fixture = ExportFixture.open(tmp);
        lowerBefore = ExportFixture.digest(fixture.lower);
        takeClient();
    }

    @AfterEach
    void closeExport() throws IOException {
        fixture.close();
        assertLowerUntouched();
    }

    /** Restarts the export, as a server restart would, and takes its new client. */
    void restart() throws IOException {
        fixture.restart();
        takeClient();
    }

    /** Skips a test of identities kept across copy-up: kept only where the upper keeps user xattrs (README). */
    void assumeIdentitiesAreKept() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(fixture.upper).supportsFileAttributeView(
                UserDefinedFileAttributeView.class), "the upper's store keeps no user xattrs");
    }

    void assertLowerUntouched() {
        assertEquals(lowerBefore, ExportFixture.digest(fixture.lower), "the lower layer was written");
    }

    private void takeClient() {
        client = fixture.client();
        root = fixture.root();
    }
}
