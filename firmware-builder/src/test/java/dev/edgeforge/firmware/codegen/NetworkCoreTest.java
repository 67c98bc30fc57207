package dev.edgeforge.firmware.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import org.junit.jupiter.api.Test;

class NetworkCoreTest {

    @Test
    void anInt8ModelIsItsOwnCore() {
        ModelGraph model = TinyModels.fullyConnected(false);
        NetworkCore core = NetworkCore.of(model);
        assertThat(core.graph().operators()).hasSize(1);
        assertThat(core.input().name()).isEqualTo("input");
        assertThat(core.inputQuantization().zeroPoint()).isEqualTo(-3);
        assertThat(core.outputQuantization().scale()).isEqualTo(0.1f);
    }

    @Test
    void floatEdgesAreLeftToTheApi() {
        NetworkCore core = NetworkCore.of(TinyModels.fullyConnected(true));
        assertThat(core.graph().operators()).extracting(op -> op.type()).containsExactly(OpType.FULLY_CONNECTED);
        assertThat(core.input().type()).isEqualTo(DataType.INT8);
        assertThat(core.output().name()).isEqualTo("scores");
        assertThat(core.original().operators()).hasSize(3);
    }

    @Test
    void floatOperatorsAreRefusedByName() {
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("x", DataType.FLOAT32, new int[] {1, 2});
        int w = b.addFloatConstant("w", new int[] {1, 2}, new float[] {1, 2});
        int out = b.addTensor("y", DataType.FLOAT32, new int[] {1, 1});
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w, -1}, new int[] {out
                });
        ModelGraph model = b.setInputs(in).setOutputs(out).build();
        assertThatThrownBy(() -> NetworkCore.of(model))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessageContaining("operator 0 FULLY_CONNECTED")
                .hasMessageContaining("int8");
    }
}
