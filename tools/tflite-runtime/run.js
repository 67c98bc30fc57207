#!/usr/bin/env node
// Runs a .tflite model in TensorFlow Lite's own runtime (the TFLite WASM build of @tensorflow/tfjs-tflite, XNNPACK,
// one thread) under plain Node 20, as an independent check of EdgeForge's writer and reference interpreter.
//
// Usage: node run.js <model.tflite> <inputs.json>
//   inputs.json: {"cases": [[input0 values, input1 values, ...], ...]}; values are flat row-major numbers (int8 values
//   for int8 inputs, floats for float32 inputs).
// Prints one JSON object on stdout:
//   {"inputs": [{name, shape, dtype}], "outputs": [{name, shape, dtype}], "results": [[output0 values, ...], ...]}
// Anything else (TFLite's own logging, warnings) goes to stderr.
'use strict';

const fs = require('fs');
const path = require('path');
const vm = require('vm');

function fail(message) {
  process.stderr.write(`run.js: ${message}\n`);
  process.exit(2);
}

const [modelPath, inputsPath] = process.argv.slice(2);
if (!modelPath || !inputsPath) {
  fail('usage: node run.js <model.tflite> <inputs.json>');
}

const wasmDir = path.join(__dirname, 'node_modules', '@tensorflow', 'tfjs-tflite', 'wasm') + path.sep;
if (!fs.existsSync(wasmDir)) {
  fail(`${wasmDir} is missing: run "cd tools/tflite-runtime && npm ci" first`);
}

// The TFLite WASM client expects a browser worker: give it a `self`, a `location`, `importScripts` that evaluates the
// loader script in this context, and a `fetch` that serves the .wasm files from node_modules. Without
// SharedArrayBuffer it picks the single-threaded build, which needs no worker threads.
globalThis.self = globalThis;
globalThis.location = {href: 'file://' + wasmDir, origin: '', protocol: 'file:'};
globalThis.importScripts = (url) => {
  const file = url.replace(/^file:\/\//, '');
  vm.runInThisContext(fs.readFileSync(file, 'utf8'), {filename: file});
};
globalThis.fetch = async (url) => {
  const file = String(url).replace(/^file:\/\//, '');
  const bytes = fs.readFileSync(file);
  return new Response(bytes, {status: 200, headers: {'Content-Type': 'application/wasm'}});
};
delete globalThis.SharedArrayBuffer;

// Keep stdout for the result only.
const log = console.log;
console.log = (...args) => process.stderr.write(args.join(' ') + '\n');
console.info = console.log;

const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const tflite = require('@tensorflow/tfjs-tflite');

async function main() {
  await tf.setBackend('cpu');
  tflite.setWasmPath(wasmDir);
  const modelBytes = fs.readFileSync(modelPath);
  const buffer = modelBytes.buffer.slice(modelBytes.byteOffset, modelBytes.byteOffset + modelBytes.byteLength);
  const model = await tflite.loadTFLiteModel(buffer, {numThreads: 1});
  const request = JSON.parse(fs.readFileSync(inputsPath, 'utf8'));
  const inputs = model.inputs;
  const outputs = model.outputs;
  const results = [];
  for (const [index, testCase] of request.cases.entries()) {
    if (testCase.length !== inputs.length) {
      fail(`case ${index} has ${testCase.length} inputs, the model ${inputs.length}`);
    }
    const tensors = testCase.map((values, i) => {
      const dtype = inputs[i].dtype === 'float32' ? 'float32' : 'int32';
      return tf.tensor(values, inputs[i].shape, dtype);
    });
    const prediction = model.predict(tensors.length === 1 ? tensors[0] : tensors);
    const outputTensors = prediction instanceof tf.Tensor ? [prediction] : outputs.map((o) => prediction[o.name]);
    results.push(outputTensors.map((t) => Array.from(t.dataSync())));
    tensors.forEach((t) => t.dispose());
    outputTensors.forEach((t) => t.dispose());
  }
  // TFLite's own tensor types (tfjs widens int8 to int32 in model.inputs/outputs).
  const rawInputs = model.modelRunner.getInputs();
  const rawOutputs = model.modelRunner.getOutputs();
  const describe = (info, raw) => ({name: info.name, shape: info.shape, dtype: raw.dataType});
  process.stdout.write(JSON.stringify({
    inputs: inputs.map((info, i) => describe(info, rawInputs[i])),
    outputs: outputs.map((info, i) => describe(info, rawOutputs[i])),
    results,
  }) + '\n');
}

main().catch((error) => fail(error && error.stack ? error.stack : String(error)));
