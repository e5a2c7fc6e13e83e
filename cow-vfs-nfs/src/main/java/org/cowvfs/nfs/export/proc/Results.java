package org.cowvfs.nfs.export.proc;

import java.io.IOException;
import java.util.function.Function;
import org.cowvfs.nfs.export.fs.Errors;
import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;

/**
 * The two arms of an NFS result, built the same way by every procedure, and the shape most
 * procedures share: resolve the handle, work on the object, and on any failure answer its status
 * (from {@link Errors}) with a failure body made from the object as far as it was resolved.
 */
final class Results {
    private Results() {
    }

    static <O extends XdrEncodable, F extends XdrEncodable> Nfs3Result<O, F> ok(O resok) {
        return new Nfs3Result.Ok<>(resok);
    }

    static <O extends XdrEncodable, F extends XdrEncodable> Nfs3Result<O, F> fail(Exception failure, F resfail) {
        return new Nfs3Result.Fail<>(Errors.status(failure), resfail);
    }

    /**
     * Serves a procedure on the object a handle names.
     *
     * @param handle the handle sent
     * @param resolver how the handle must resolve (any object, a directory, a regular file)
     * @param body the work, given the resolved object
     * @param failure the failure body, given the object or {@code null} if it never resolved
     * @param <O> the {@code resok} type
     * @param <F> the {@code resfail} type
     * @return the result
     */
    static <O extends XdrEncodable, F extends XdrEncodable> Nfs3Result<O, F> on(NfsFh3 handle, Resolver resolver,
            Body<O> body, Function<FileObject, F> failure) {
        FileObject object = null;
        try {
            object = resolver.resolve(handle);
            return ok(body.apply(object));
        } catch (NfsException | IOException | RuntimeException e) {
            return fail(e, failure.apply(object));
        }
    }

    /** Resolves a handle to the kind of object a procedure needs. */
    @FunctionalInterface
    interface Resolver {
        FileObject resolve(NfsFh3 handle) throws NfsException, IOException;
    }

    /** A procedure's work on a resolved object. */
    @FunctionalInterface
    interface Body<O> {
        O apply(FileObject object) throws NfsException, IOException;
    }
}
