package dev.edgeforge.api.account;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Platform-wide settings an administrator can change. */
@Service
public class PlatformSettingsService {

    private final PlatformSettingsRepository repository;
    private final Clock clock;

    PlatformSettingsService(PlatformSettingsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean registrationOpen() {
        return row().registrationOpen();
    }

    @Transactional
    public void changeRegistrationOpen(boolean open) {
        row().changeRegistrationOpen(open, clock.instant());
    }

    private PlatformSettings row() {
        return repository
                .findById(PlatformSettings.THE_ROW)
                .orElseThrow(() -> new IllegalStateException("platform_settings row 1 is missing; the V1 migration "
                        + "creates it, so the database was changed by hand"));
    }
}
