package org.cowvfs.examples.bench;

/** Where a trial runs: on the data set through the default provider, or through a cow: view of it. */
enum Side {
    DIRECT,
    VIEW
}
