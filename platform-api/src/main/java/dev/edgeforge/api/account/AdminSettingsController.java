package dev.edgeforge.api.account;

import dev.edgeforge.api.security.CurrentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Platform settings, for administrators. */
@RestController
@RequestMapping("/api/v1/admin/settings")
@Tag(name = "Administration")
class AdminSettingsController {

    private final PlatformSettingsService settings;
    private final CurrentPrincipal current;

    AdminSettingsController(PlatformSettingsService settings, CurrentPrincipal current) {
        this.settings = settings;
        this.current = current;
    }

    record SettingsResponse(boolean registrationOpen) {}

    record SettingsUpdate(@NotNull Boolean registrationOpen) {}

    @GetMapping
    @Operation(
            summary = "Read platform settings",
            description = "The platform settings, such as whether self-registration is open (administrators).")
    SettingsResponse get() {
        current.requireAdmin();
        return new SettingsResponse(settings.registrationOpen());
    }

    @PutMapping
    @Operation(
            summary = "Change platform settings",
            description = "Change the platform settings, e.g. close self-registration (administrators). Fields "
                    + "left out keep their value.")
    SettingsResponse update(@Valid @RequestBody SettingsUpdate update) {
        current.requireAdmin();
        settings.changeRegistrationOpen(update.registrationOpen());
        return new SettingsResponse(settings.registrationOpen());
    }
}
