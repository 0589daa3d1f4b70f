package com.paystream.accounts.ledger;

/** The events of the {@code accountsnapshot-{accountId}} streams: snapshots for historical queries. */
public sealed interface AccountSnapshotEvent permits AccountSnapshotted {
}
