package org.cowvfs.nfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.cowvfs.CowConfig;
import org.cowvfs.WhiteoutFormat;
import org.cowvfs.nfs.server.AllowList;
import org.cowvfs.nfs.server.CidrBlock;
import org.cowvfs.nfs.server.NfsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cow-nfsd}: serves a cow: view over NFS 3 until SIGTERM. Flags name the view's layers, the
 * export's options and where to listen; a bad flag or value exits with status 2 and a message
 * naming it, a failure to start (a port in use, the export) with status 1, logged.
 */
@Command(name = "cow-nfsd", sortOptions = false, usageHelpAutoWidth = true,
        description = "Serves a copy-on-write view of directories over NFS 3 (MOUNT 3 on the same port, TCP and UDP).")
public final class CowNfsd implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(CowNfsd.class);

    @Option(names = "--root", required = true, paramLabel = "DIR",
            description = "The view's root: its top, writable layer (and its .mount files).")
    private Path root;

    @Option(names = "--lower", paramLabel = "DIR", description = "A read-only layer under the root, top-most first; repeatable.")
    private List<Path> lowers = new ArrayList<>();

    @Option(names = "--whiteouts", paramLabel = "FMT", defaultValue = "cownfsd",
            description = "How deletions are recorded: cownfsd, oci or overlay (default: ${DEFAULT-VALUE}).")
    private WhiteoutFormat whiteouts;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "2049",
            description = "The TCP and UDP port of NFS and MOUNT; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--no-udp", description = "Serve TCP only, where clients could forge source addresses.")
    private boolean noUdp;

    @Option(names = "--allow", paramLabel = "CIDR", defaultValue = "127.0.0.1/32",
            description = "Clients answered, IPv4 or IPv6; repeatable (default: ${DEFAULT-VALUE}).")
    private List<CidrBlock> allow;

    @Option(names = "--read-only", description = "Refuse every change.")
    private boolean readOnly;

    @Option(names = "--no-root-squash", description = "Let uid 0 act as root instead of nobody.")
    private boolean noRootSquash;

    @Option(names = "--portmap", description = "Register with the local portmapper (an embedded one if none runs).")
    private boolean portmap;

    @Option(names = "--mount-source", paramLabel = "DIR",
            description = "A directory .mount files may stack, with everything below it; repeatable (default: none).")
    private List<Path> mountSources = new ArrayList<>();

    @Option(names = "--create", description = "Create the root directory if it is missing.")
    private boolean create;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandSpec spec;

    private final ExportFactory exports;

    /**
     * Creates the command.
     *
     * @param exports makes the export of the view
     */
    CowNfsd(ExportFactory exports) {
        this.exports = exports;
    }

    /**
     * Runs the server until SIGTERM; exits with 2 on a bad flag, 1 on a failure to start.
     *
     * @param args the flags
     */
    public static void main(String... args) {
        run(ExportFactory.standard(), args);
    }

    /**
     * Runs the server of an export until SIGTERM; exits with 2 on a bad flag, 1 on a failure to
     * start.
     *
     * @param exports makes the export of the view
     * @param args the flags
     */
    static void run(ExportFactory exports, String... args) {
        int status = commandLine(exports).execute(args);
        // A clean run returns only once the shutdown hook has stopped everything, and the JVM is
        // exiting already; System.exit would only block, so exit explicitly only on failure.
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * The command line of a command with its converters and error handling, for {@link #main} and
     * tests.
     *
     * @param exports makes the export of the view
     * @return the command line, ready to parse or execute
     */
    static CommandLine commandLine(ExportFactory exports) {
        return new CommandLine(new CowNfsd(exports))
                .registerConverter(CidrBlock.class, namingTheValue(CidrBlock::parse))
                .registerConverter(WhiteoutFormat.class, namingTheValue(WhiteoutFormat::fromId))
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    LOG.error("cow-nfsd cannot start: {}", e.getMessage());
                    LOG.debug("cow-nfsd start-up failure", e);
                    return CommandLine.ExitCode.SOFTWARE;
                });
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServedView served = start();
        Runtime.getRuntime().addShutdownHook(new Thread(served::close, "cow-nfsd-shutdown"));
        served.awaitClosed();
        return CommandLine.ExitCode.OK;
    }

    /**
     * Opens the view and starts serving it, as the flags say.
     *
     * @return the running server
     * @throws IOException if the view, the export or the port cannot be opened
     * @throws ParameterException if a flag's value is refused once used (a missing root, a port
     *     out of range, an unknown bind address), naming it
     */
    ServedView start() throws IOException {
        try {
            // The server's settings first: a bad port or address must not open the view.
            NfsServer.Builder server = NfsServer.builder().bindAddress(bind).port(port).udp(!noUdp)
                    .allow(new AllowList(allow)).portmap(portmap);
            return ServedView.start(config(), exportOptions(), exports, server);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private CowConfig config() {
        return CowConfig.builder(root)
                .lower(lowers)
                .whiteouts(whiteouts)
                // An empty list forbids every .mount target: NFS clients must not reach the
                // server's whole filesystem by writing a .mount file.
                .mountSources(mountSources)
                .readOnly(readOnly)
                .create(create)
                .build();
    }

    private ExportOptions exportOptions() {
        ExportOptions defaults = ExportOptions.DEFAULTS;
        return new ExportOptions(readOnly, !noRootSquash, defaults.anonUid(), defaults.anonGid());
    }

    // The parsers of the values' own types, whose IllegalArgumentException names the value;
    // as a TypeConversionException, picocli reports it as a usage error, message and all.
    private static <T> CommandLine.ITypeConverter<T> namingTheValue(Function<String, T> parser) {
        return value -> {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
    }
}
