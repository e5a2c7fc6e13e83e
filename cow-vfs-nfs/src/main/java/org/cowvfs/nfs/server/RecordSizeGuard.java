package org.cowvfs.nfs.server;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.utils.NullaryFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filter in front of oncrpc4j's record parser that closes a TCP connection whose record
 * would exceed the server's limit, before the parser buffers it (see {@link RecordMarkTracker}).
 * It sees every received byte once, as it arrives, and passes it on unchanged.
 */
final class RecordSizeGuard extends BaseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RecordSizeGuard.class);

    private final long maxRecordBytes;
    private final Attribute<RecordMarkTracker> tracker;

    /**
     * Creates the guard.
     *
     * @param maxRecordBytes the most bytes one record may take on the wire, marks included
     */
    RecordSizeGuard(long maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
        // Typed as the utils interface: a bare lambda would pick the deprecated attributes overload.
        NullaryFunction<RecordMarkTracker> perConnection = () -> new RecordMarkTracker(maxRecordBytes);
        this.tracker = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
                RecordSizeGuard.class.getName() + "@" + System.identityHashCode(this), perConnection);
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        Buffer chunk = ctx.getMessage();
        Connection<?> connection = ctx.getConnection();
        if (tracker.get(connection).follow(chunk)) {
            return ctx.getInvokeAction();
        }
        LOG.warn("closing the connection from {}: its record exceeds {} bytes", connection.getPeerAddress(),
                maxRecordBytes);
        connection.closeSilently();
        return ctx.getStopAction();
    }
}
