package dev.edgeforge.core.interpreter;

/** The prepared, constant parameters of one operator's kernel. */
public sealed interface OpParams
        permits ConvParams,
                DepthwiseConvParams,
                FullyConnectedParams,
                PoolParams,
                AddParams,
                SoftmaxParams,
                QuantizeParams,
                DequantizeParams,
                ReshapeParams {}
