package org.cowvfs.nfs.export.proc;

import org.cowvfs.nfs.export.fs.Errors;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;

/**
 * The two arms of an NFS result, built the same way by every procedure; the failure's status comes
 * from {@link Errors}.
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
}
