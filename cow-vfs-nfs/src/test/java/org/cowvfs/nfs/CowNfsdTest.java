package org.cowvfs.nfs;

import static org.cowvfs.nfs.testing.RpcMessages.MOUNT;
import static org.cowvfs.nfs.testing.RpcMessages.NFS;
import static org.cowvfs.nfs.testing.RpcMessages.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.cowvfs.WhiteoutFormat;
import org.cowvfs.nfs.testing.FakeExport;
import org.cowvfs.nfs.testing.RpcReply;
import org.cowvfs.nfs.testing.RpcSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class CowNfsdTest {
    @TempDir
    Path dir;

    private final FakeExport export = new FakeExport();
    private final List<CowFileSystem> views = new ArrayList<>();
    private final List<ExportOptions> options = new ArrayList<>();
    private final StringWriter err = new StringWriter();

    private ExportFactory fake() {
        return (view, exportOptions) -> {
            views.add(view);
            options.add(exportOptions);
            return export;
        };
    }

    private int execute(ExportFactory exports, String... args) {
        return CowNfsd.commandLine(exports).setErr(new PrintWriter(err, true)).execute(args);
    }

    private ServedView start(String... args) throws IOException {
        return NfsdUnderTest.start(fake(), args);
    }

    private Path directory(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    @Test
    void servesTheViewTheFlagsDescribe() throws IOException {
        Path root = directory("root");
        Path top = directory("top");
        Path base = directory("base");
        Path images = directory("images");
        try (ServedView served = start("--root", root.toString(), "--lower", top.toString(), "--lower",
                base.toString(), "--whiteouts", "oci", "--port", "0", "--read-only", "--no-root-squash",
                "--mount-source", images.toString())) {
            CowConfig config = views.get(0).config();
            assertEquals(CowConfig.builder(root).lower(top, base).whiteouts(WhiteoutFormat.OCI)
                    .mountSources(List.of(images)).readOnly(true).build(), config);
            assertEquals(new ExportOptions(true, false, 65534, 65534), options.get(0));
            assertEquals("127.0.0.1", served.server().address().getAddress().getHostAddress());
            try (RpcSocket socket = new RpcSocket(served.server().address(), Duration.ofSeconds(10))) {
                assertEquals(RpcReply.SUCCESS, socket.call(call(1, NFS, 3, 0, new byte[0])).acceptStat());
                assertEquals(RpcReply.SUCCESS, socket.call(call(2, MOUNT, 3, 0, new byte[0])).acceptStat());
            }
        }
        assertEquals(List.of("flush", "close"), export.events());
        assertFalse(views.get(0).asFileSystem().isOpen());
    }

    @Test
    void byDefaultConfinesMountFilesToNothingAndSquashesRoot() throws IOException {
        try (ServedView served = start("--root", directory("root").toString(), "--port", "0")) {
            CowConfig config = views.get(0).config();
            assertEquals(List.of(), config.mountSources());
            assertEquals(List.of(), config.lowers());
            assertEquals(WhiteoutFormat.COWNFSD, config.whiteouts());
            assertFalse(config.readOnly());
            assertEquals(ExportOptions.DEFAULTS, options.get(0));
            assertNotEquals(0, served.server().address().getPort());
        }
    }

    @Test
    void createsTheRootOnlyWhenAsked() throws IOException {
        Path missing = dir.resolve("new/root");
        assertEquals(2, execute(fake(), "--root", missing.toString(), "--port", "0"));
        assertTrue(err.toString().contains(missing.toUri().toString()), err.toString());
        try (ServedView served = start("--root", missing.toString(), "--create", "--port", "0")) {
            assertTrue(Files.isDirectory(missing));
        }
    }

    @Test
    void refusesBadFlagsWithStatusTwoNamingThem() throws IOException {
        String root = directory("root").toString();
        String[][] cases = {
            {"Missing required option: '--root=DIR'", "--port", "0"},
            {"'10.1.2.3/8'", "--root", root, "--allow", "10.1.2.3/8"},
            {"'example.org'", "--root", root, "--allow", "example.org"},
            {"unknown whiteout format 'zfs'", "--root", root, "--whiteouts", "zfs"},
            {"'--nfs-version=4'", "--root", root, "--nfs-version=4"},
            {"'2049x'", "--root", root, "--port", "2049x"},
            {"invalid port 65536", "--root", root, "--port", "65536"},
            {"'no such host.invalid'", "--root", root, "--bind", "no such host.invalid"},
        };
        for (String[] flags : cases) {
            err.getBuffer().setLength(0);
            String[] args = Stream.of(flags).skip(1).toArray(String[]::new);
            assertEquals(2, execute(fake(), args), String.join(" ", args));
            assertTrue(err.toString().contains(flags[0]), err.toString());
        }
        assertTrue(views.isEmpty(), "no view was opened for a bad flag");
    }

    @Test
    void failsWithStatusOneWhenTheExportCannotStartAndLeavesNothingOpen() throws IOException {
        String root = directory("root").toString();
        ExportFactory broken = (view, options) -> {
            throw new IOException("the export's bookkeeping cannot be read");
        };
        assertEquals(1, execute(broken, "--root", root, "--port", "0"));
        assertEquals(1, execute(broken, "--root", root, "--port", "0"), "the first attempt closed its view");
    }

    @Test
    void printsUsageOnHelpWithStatusZero() {
        StringWriter out = new StringWriter();
        int status = CowNfsd.commandLine(fake()).setOut(new PrintWriter(out, true)).execute("--help");
        assertEquals(0, status);
        assertTrue(out.toString().contains("--mount-source=DIR"), out.toString());
        assertTrue(views.isEmpty());
    }
}
