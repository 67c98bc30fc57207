package dev.edgeforge.api.account;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only lookup of users for other features (members, audit columns). */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

    private final UserAccountRepository users;

    UserDirectory(UserAccountRepository users) {
        this.users = users;
    }

    /** The user with this email (compared case-insensitively), if registered. */
    public Optional<UserSummary> findByEmail(String email) {
        return users.findByEmail(Emails.normalize(email)).map(UserAccount::toSummary);
    }

    public Optional<UserSummary> findById(UUID id) {
        return users.findById(id).map(UserAccount::toSummary);
    }

    /** The users with these ids, by id; unknown ids are left out. */
    public Map<UUID, UserSummary> findAllById(Collection<UUID> ids) {
        return users.findAllById(ids).stream()
                .map(UserAccount::toSummary)
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
    }
}
