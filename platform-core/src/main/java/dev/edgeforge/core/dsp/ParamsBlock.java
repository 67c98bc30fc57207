package dev.edgeforge.core.dsp;

/**
 * What every block shares: the parameters it was built from and their JSON type name.
 *
 * @param <P> the block's parameter record
 */
abstract class ParamsBlock<P extends DspParams> implements DspBlock {

    protected final P params;
    private final String type;

    ParamsBlock(P params, String type) {
        this.params = params;
        this.type = type;
    }

    @Override
    public P params() {
        return params;
    }

    @Override
    public String type() {
        return type;
    }
}
