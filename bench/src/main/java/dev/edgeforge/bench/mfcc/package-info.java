/** The MFCC benchmark: windows/s of the MFCC block in Java and of its generated C twin built by the host gcc. */
package dev.edgeforge.bench.mfcc;
