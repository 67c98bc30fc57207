package dev.edgeforge.api.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlatformSettingsRepository extends JpaRepository<PlatformSettings, Short> {}
