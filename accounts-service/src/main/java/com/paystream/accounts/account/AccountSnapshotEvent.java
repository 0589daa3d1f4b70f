package com.paystream.accounts.account;

/** The events of the {@code accountsnapshot-{accountId}} streams: snapshots for historical queries. */
public sealed interface AccountSnapshotEvent permits AccountSnapshotted {
}
