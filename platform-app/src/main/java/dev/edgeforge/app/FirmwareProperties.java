package dev.edgeforge.app;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process firmware builder ({@code edgeforge.firmware.*}, environment {@code EDGEFORGE_FIRMWARE_*}).
 *
 * @param workDir               builds and the build cache; defaults to {@code <edgeforge.data-dir>/firmware}
 * @param compilerTimeLimit     how long each compiler or linker run may take
 * @param verificationTimeLimit how long one QEMU run (a batch of test windows) may take
 * @param verificationInstances QEMU runs at once per deployment; 0: the machine's processors
 * @param verificationSample    test windows of the stratified sample verified and stored first; 0: none
 */
@ConfigurationProperties(prefix = "edgeforge.firmware")
record FirmwareProperties(
        Path workDir,
        @DefaultValue("3m") Duration compilerTimeLimit,
        @DefaultValue("10m") Duration verificationTimeLimit,
        @DefaultValue("0") int verificationInstances,
        @DefaultValue("200") int verificationSample) {}
