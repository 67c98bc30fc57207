package dev.edgeforge.api.impulse;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The boards cost estimates know the clock of.
 *
 * <p>TODO(#7): read the firmware builder's board catalogue instead of this fixed list.
 */
@Component
public class CostTargets {

    /** The default target: the emulated board firmware is checked on. */
    public static final String DEFAULT = "netduinoplus2-qemu";

    private static final List<CostTarget> TARGETS = List.of(
            new CostTarget(DEFAULT, "Netduino Plus 2 (QEMU, STM32F405, Cortex-M4F)", 168_000_000L),
            new CostTarget("nucleo-f446re", "ST Nucleo-F446RE (STM32F446, Cortex-M4F)", 180_000_000L),
            new CostTarget("nucleo-l4r5zi", "ST Nucleo-L4R5ZI (STM32L4R5, Cortex-M4F)", 120_000_000L),
            new CostTarget("stm32f746g-disco", "ST STM32F746G-DISCO (STM32F746, Cortex-M7)", 216_000_000L),
            new CostTarget("arduino-nano-33-ble-sense", "Arduino Nano 33 BLE Sense (nRF52840, Cortex-M4F)",
                    64_000_000L));

    public List<CostTarget> all() {
        return TARGETS;
    }

    public Optional<CostTarget> find(String id) {
        return TARGETS.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** @throws UnknownTargetViolation naming the known targets */
    public CostTarget require(String id) {
        return find(id == null || id.isBlank() ? DEFAULT : id.trim()).orElseThrow(() -> new UnknownTargetViolation(id,
                TARGETS.stream().map(CostTarget::id).toList()));
    }
}
