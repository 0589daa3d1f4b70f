package com.paystream.sanctions.list;

import com.paystream.sanctions.list.SanctionsListCommand.AddSanctionedName;
import com.paystream.sanctions.list.SanctionsListCommand.RemoveSanctionedName;

import java.util.List;

/** The list's rules: no name listed twice with the same date of birth; only a listed entry can be removed. */
public final class SanctionsListDecider {
    private SanctionsListDecider() {
    }

    /**
     * @throws SanctionsListRejection.AlreadyListed when the name and date of birth are listed already
     * @throws SanctionsListRejection.UnknownEntry  when removing an entry that is not listed
     */
    public static List<SanctionsListEvent> decide(SanctionsListCommand command, SanctionsList list) {
        if (command instanceof AddSanctionedName add) {
            return add(add, list);
        }
        if (command instanceof RemoveSanctionedName remove) {
            return remove(remove, list);
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    private static List<SanctionsListEvent> add(AddSanctionedName add, SanctionsList list) {
        list.sameNameAndDateOfBirth(add.name(), add.dateOfBirth()).ifPresent(existing -> {
            throw new SanctionsListRejection.AlreadyListed(add.name(), existing.entryId());
        });
        if (list.entry(add.entryId()).isPresent()) {
            throw new SanctionsListRejection.AlreadyListed(add.name(), add.entryId());
        }
        return List.of(new SanctionedNameAdded(add.entryId(), add.name().trim(), add.aliases(), add.dateOfBirth(),
                add.country(), add.listReference(), add.at(), add.by(), add.byName()));
    }

    private static List<SanctionsListEvent> remove(RemoveSanctionedName remove, SanctionsList list) {
        if (list.entry(remove.entryId()).isEmpty()) {
            throw new SanctionsListRejection.UnknownEntry(remove.entryId());
        }
        return List.of(new SanctionedNameRemoved(remove.entryId(), remove.reason(), remove.at(), remove.by(),
                remove.byName()));
    }
}
