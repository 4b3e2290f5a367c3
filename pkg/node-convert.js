// jingwen/convert for Node.js: conversion only, as in browsers, from the lean
// wasm module (231 KB against the full module's 1.5 MB, which also cleans and
// highlights). Nothing is downloaded in Node, but the module is compiled on
// import: a fresh process's first conversion takes ~22 ms instead of ~30.
import * as wasm from './wasm-lite/jingwen.js';
import { nodeEntry } from './node-entry.js';

const { init, api } = nodeEntry(wasm, new URL('./wasm-lite/jingwen_bg.wasm', import.meta.url));

export default init;

export const { load, convert, Converter, version, configs } = api;
