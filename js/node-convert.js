// jingwen/convert for Node.js: conversion only, as in browsers, from the lean
// wasm module (231 KB against the full module's 1.5 MB, which also cleans and
// highlights). Nothing is downloaded in Node, but the module is compiled on
// import: a fresh process's first conversion comes ~7 ms sooner.
//
// This is the source; scripts/build bundles it into pkg/node-convert.js (see
// js/node-entry.js). URLs below are written for that output's place: pkg/.
import * as wasm from '../pkg/wasm-lite/jingwen.js';
import { nodeEntry } from './node-entry.js';

const { init, api } = nodeEntry(wasm, new URL('./wasm-lite/jingwen_bg.wasm', import.meta.url));

export default init;

export const { load, convert, Converter, version, configs } = api;
